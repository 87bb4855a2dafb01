/** Finance's queue: disbursements filtered by status and enterprise name or USCC, oldest change first; a row opens it. */
import { Form, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { disbursementStatusSchema, staffDisbursementQueueRoute, type DisbursementStatus, type DisbursementSummary } from '@shared/contract/http/disbursement';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { call } from '../api';
import { statusLabel } from '../domain-labels';
import { FilteredQueue } from '../FilteredQueue';
import { dateTime, yuan } from '../format';
import { useLang, useT } from '../i18n';
import { disbursementHref } from '../router';
import { StatusTag } from '../StatusTag';
import { ReadyToOpen } from './ReadyToOpen';

interface Filters {
  status?: DisbursementStatus;
  q?: string;
}

/** The query of finance's queue, with the paging FilteredQueue adds. */
const fetchQueue = async (filters: Filters, limit: number, offset: number) => {
  const answer = await call(staffDisbursementQueueRoute, { query: { ...filters, limit, offset } });
  return { rows: answer.disbursements, total: answer.total };
};

export function DisbursementQueueScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);

  const columns: ColumnsType<DisbursementSummary> = [
    {
      title: t('queue.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <a href={disbursementHref(row.applicationId)} aria-label={t('disb.queue.open', { name })}>
          {name}
        </a>
      ),
    },
    { title: t('queue.uscc'), dataIndex: 'enterpriseUscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('disb.queue.receiptNumber'), dataIndex: 'receiptNumber', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('disb.queue.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('disb.queue.openedAt'), dataIndex: 'openedAt', render: (v: string) => dateTime(v) },
    { title: t('disb.queue.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => dateTime(v) },
    { title: t('queue.status'), dataIndex: 'status', render: (v: SubsidyStatus) => <StatusTag status={v} /> },
  ];

  return (
    <FilteredQueue<Filters, DisbursementSummary>
      title={t('disb.queue.title')}
      before={<ReadyToOpen />}
      fields={
        <Form.Item label={t('queue.status')} name="status">
          <Select
            aria-label={t('queue.status')}
            allowClear
            placeholder={t('queue.statusAll')}
            style={{ width: 180 }}
            options={disbursementStatusSchema.options.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
          />
        </Form.Item>
      }
      fetch={fetchQueue}
      columns={columns}
      rowKey="applicationId"
      href={(row) => disbursementHref(row.applicationId)}
      tableLabel="disb.queue.table"
      emptyText="disb.queue.empty"
    />
  );
}
