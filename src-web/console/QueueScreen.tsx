/** The reviewers' queue: filters by status, submission dates and enterprise name or USCC; a row opens the application. */
import { Form, Input, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { z } from 'zod';
import { staffSubsidyQueueRoute, subsidyStatusSchema, type SubsidyStatus, type subsidyApplicationSummarySchema } from '@shared/contract/http/subsidy';
import { call } from './api';
import { statusLabel } from './domain-labels';
import { FilteredQueue } from './FilteredQueue';
import { dateTime, yuan } from './format';
import { useLang, useT } from './i18n';
import { applicationHref } from './router';
import { StatusTag } from './StatusTag';

type Summary = z.infer<typeof subsidyApplicationSummarySchema>;

interface Filters {
  status?: SubsidyStatus;
  submittedFrom?: string;
  submittedTo?: string;
  q?: string;
}

/** The query of the reviewers' queue, with the paging FilteredQueue adds. */
const fetchQueue = async (filters: Filters, limit: number, offset: number) => {
  const answer = await call(staffSubsidyQueueRoute, { query: { ...filters, limit, offset } });
  return { rows: answer.applications, total: answer.total };
};

export function QueueScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);

  const columns: ColumnsType<Summary> = [
    {
      title: t('queue.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <a href={applicationHref(row.id)} aria-label={t('queue.open', { name })}>
          {name}
        </a>
      ),
    },
    { title: t('queue.uscc'), dataIndex: 'enterpriseUscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('queue.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => dateTime(v) },
    { title: t('queue.talents'), dataIndex: 'talentCount', align: 'right' },
    { title: t('queue.amountRequested'), dataIndex: 'amountRequestedFen', align: 'right', render: (v: number | null) => yuan(v) },
    { title: t('queue.status'), dataIndex: 'status', render: (v: SubsidyStatus) => <StatusTag status={v} /> },
  ];

  return (
    <FilteredQueue<Filters, Summary>
      title={t('queue.title')}
      fields={
        <>
          <Form.Item label={t('queue.status')} name="status">
            <Select
              aria-label={t('queue.status')}
              allowClear
              placeholder={t('queue.statusAll')}
              style={{ width: 160 }}
              options={subsidyStatusSchema.options.filter((s) => s !== 'draft').map((s) => ({ value: s, label: statusLabel(s, lang) }))}
            />
          </Form.Item>
          <Form.Item label={t('queue.submittedFrom')} name="submittedFrom">
            <Input type="date" />
          </Form.Item>
          <Form.Item label={t('queue.submittedTo')} name="submittedTo">
            <Input type="date" />
          </Form.Item>
        </>
      }
      fetch={fetchQueue}
      columns={columns}
      rowKey="id"
      href={(row) => applicationHref(row.id)}
      tableLabel="queue.table"
      emptyText="queue.empty"
    />
  );
}
