/** 备案审核: submitted construction filings, oldest submission first; a row opens the filing. */
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { z } from 'zod';
import { filingStatusSchema, staffFilingQueueRoute, type FilingStatus, type filingSummarySchema } from '@shared/contract/http/filing';
import { call } from '../api';
import { statusLabel } from '../domain-labels';
import { FilteredQueue } from '../FilteredQueue';
import { dateTime } from '../format';
import { useLang, useT } from '../i18n';
import { filingHref } from '../router';
import { StatusTag } from '../StatusTag';

type Summary = z.infer<typeof filingSummarySchema>;
interface Filters {
  status?: FilingStatus;
  q?: string;
}

const fetchQueue = async (filters: Filters, limit: number, offset: number) => {
  const answer = await call(staffFilingQueueRoute, { query: { ...filters, limit, offset } });
  return { rows: answer.filings, total: answer.total };
};

export function FilingQueueScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const columns: ColumnsType<Summary> = [
    {
      title: t('queue.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <a href={filingHref(row.id)} aria-label={t('filing.queue.open', { name })}>
          {name}
        </a>
      ),
    },
    { title: t('queue.uscc'), dataIndex: 'enterpriseUscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('filing.queue.project'), dataIndex: 'projectName' },
    { title: t('queue.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => dateTime(v) },
    { title: t('queue.status'), dataIndex: 'status', render: (v: FilingStatus) => <StatusTag status={v} /> },
  ];
  return (
    <FilteredQueue<Filters, Summary>
      title={t('filing.queue.title')}
      statuses={{ options: filingStatusSchema.options.filter((s) => s !== 'draft'), label: (s) => statusLabel(s as FilingStatus, lang) }}
      fetch={fetchQueue}
      columns={columns}
      rowKey="id"
      href={(row) => filingHref(row.id)}
      tableLabel="filing.queue.table"
      emptyText="filing.queue.empty"
    />
  );
}
