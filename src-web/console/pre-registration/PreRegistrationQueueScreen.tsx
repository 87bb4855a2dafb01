/** 预注册审核: online pre-registrations by status and name / USCC / reference, oldest change first; a row opens it. */
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { preRegistrationStatusSchema, staffPreRegistrationQueueRoute, type PreRegistrationStatus, type PreRegistrationSummary } from '@shared/contract/http/pre-registration';
import { call } from '../api';
import { FilteredQueue } from '../FilteredQueue';
import { dateTime } from '../format';
import { useT } from '../i18n';
import { preRegistrationHref } from '../router';
import { PreRegistrationStatusTag } from './PreRegistrationStatusTag';

interface Filters {
  status?: PreRegistrationStatus;
  q?: string;
}

const fetchQueue = async (filters: Filters, limit: number, offset: number) => {
  const answer = await call(staffPreRegistrationQueueRoute, { query: { ...filters, limit, offset } });
  return { rows: answer.requests, total: answer.total };
};

export function PreRegistrationQueueScreen() {
  const t = useT();
  const columns: ColumnsType<PreRegistrationSummary> = [
    {
      title: t('queue.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <a href={preRegistrationHref(row.preRegistrationId)} aria-label={t('prereg.queue.open', { name })}>
          {name}
        </a>
      ),
    },
    { title: t('queue.uscc'), dataIndex: 'uscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('prereg.reference'), dataIndex: 'reference', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('prereg.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => dateTime(v) },
    { title: t('prereg.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => dateTime(v) },
    { title: t('queue.status'), dataIndex: 'status', render: (v: PreRegistrationStatus) => <PreRegistrationStatusTag status={v} /> },
  ];
  return (
    <FilteredQueue<Filters, PreRegistrationSummary>
      title={t('prereg.queue.title')}
      statuses={{ options: preRegistrationStatusSchema.options, label: (s) => t(`prereg.status.${s as PreRegistrationStatus}`) }}
      fetch={fetchQueue}
      columns={columns}
      rowKey="preRegistrationId"
      href={(row) => preRegistrationHref(row.preRegistrationId)}
      tableLabel="prereg.queue.table"
      emptyText="prereg.queue.empty"
    />
  );
}
