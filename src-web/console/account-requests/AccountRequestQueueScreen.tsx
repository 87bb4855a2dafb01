/** 账户申请审核: requests to the portal staff by status and kind, name / USCC / reference; a row opens it. */
import { Form, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  accountRequestKindSchema,
  accountRequestStatusSchema,
  staffAccountRequestQueueRoute,
  type AccountRequestKind,
  type AccountRequestStatus,
  type AccountRequestSummary,
} from '@shared/contract/http/account-requests';
import { call } from '../api';
import { FilteredQueue } from '../FilteredQueue';
import { dateTime } from '../format';
import { useT } from '../i18n';
import { PreRegistrationStatusTag } from '../pre-registration/PreRegistrationStatusTag';
import { accountRequestHref } from '../router';

interface Filters {
  status?: AccountRequestStatus;
  kind?: AccountRequestKind;
  q?: string;
}

const fetchQueue = async (filters: Filters, limit: number, offset: number) => {
  const answer = await call(staffAccountRequestQueueRoute, { query: { ...filters, limit, offset } });
  return { rows: answer.requests, total: answer.total };
};

export function AccountRequestQueueScreen() {
  const t = useT();
  const columns: ColumnsType<AccountRequestSummary> = [
    {
      title: t('queue.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <a href={accountRequestHref(row.requestId)} aria-label={t('acctreq.queue.open', { name, kind: t(`acctreq.kind.${row.kind}`) })}>
          {name}
        </a>
      ),
    },
    { title: t('acctreq.kind'), dataIndex: 'kind', render: (v: AccountRequestKind) => t(`acctreq.kind.${v}`) },
    { title: t('queue.uscc'), dataIndex: 'uscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('prereg.reference'), dataIndex: 'reference', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('prereg.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => dateTime(v) },
    { title: t('queue.status'), dataIndex: 'status', render: (v: AccountRequestStatus) => <PreRegistrationStatusTag status={v} /> },
  ];
  return (
    <FilteredQueue<Filters, AccountRequestSummary>
      title={t('acctreq.queue.title')}
      statuses={{ options: accountRequestStatusSchema.options, label: (s) => t(`prereg.status.${s as AccountRequestStatus}`) }}
      fields={
        <Form.Item label={t('acctreq.kind')} name="kind">
          <Select
            aria-label={t('acctreq.kind')}
            allowClear
            placeholder={t('acctreq.kindAll')}
            style={{ width: 220 }}
            options={accountRequestKindSchema.options.map((k) => ({ value: k, label: t(`acctreq.kind.${k}`) }))}
          />
        </Form.Item>
      }
      fetch={fetchQueue}
      columns={columns}
      rowKey="requestId"
      href={(row) => accountRequestHref(row.requestId)}
      tableLabel="acctreq.queue.table"
      emptyText="acctreq.queue.empty"
    />
  );
}
