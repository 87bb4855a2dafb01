/** Finance's queue: disbursements filtered by status and enterprise name or USCC, oldest change first; a row opens it. */
import { Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { disbursementStatusSchema, staffDisbursementQueueRoute, type DisbursementStatus, type DisbursementSummary } from '@shared/contract/http/disbursement';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { call } from '../api';
import { statusLabel } from '../domain-labels';
import { ErrorAlert } from '../ErrorAlert';
import { dateTime, yuan } from '../format';
import { useLang, useT } from '../i18n';
import { disbursementHref } from '../router';
import { StatusTag } from '../StatusTag';
import { useRemote } from '../use-remote';
import { ReadyToOpen } from './ReadyToOpen';

interface Filters {
  status?: DisbursementStatus;
  q?: string;
}

const PAGE_SIZE = 20;

export function DisbursementQueueScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const load = useCallback(
    () => call(staffDisbursementQueueRoute, { query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } }),
    [filters, page],
  );
  const { data, error, loading } = useRemote(load, JSON.stringify([filters, page]));

  const search = (values: Filters) => {
    setPage(1);
    setFilters({ ...values, q: values.q?.trim() || undefined });
  };

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
    { title: t('disb.queue.openedAt'), dataIndex: 'openedAt', render: (v: string) => dateTime(v, lang) },
    { title: t('disb.queue.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => dateTime(v, lang) },
    { title: t('queue.status'), dataIndex: 'status', render: (v: SubsidyStatus) => <StatusTag status={v} /> },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('disb.queue.title')}
      </Typography.Title>
      <ReadyToOpen />
      <Card size="small" title={t('queue.filters')}>
        <Form form={form} layout="inline" onFinish={search} aria-label={t('queue.filters')}>
          <Form.Item label={t('queue.status')} name="status">
            <Select
              aria-label={t('queue.status')}
              allowClear
              placeholder={t('queue.statusAll')}
              style={{ width: 180 }}
              options={disbursementStatusSchema.options.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
            />
          </Form.Item>
          <Form.Item label={t('queue.search')} name="q">
            <Input allowClear style={{ width: 260 }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('queue.searchButton')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
            >
              {t('queue.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      <Table<DisbursementSummary>
        aria-label={t('disb.queue.table')}
        rowKey="applicationId"
        loading={loading}
        columns={columns}
        dataSource={data?.disbursements ?? []}
        locale={{ emptyText: t('disb.queue.empty') }}
        onRow={(row) => ({ onClick: () => (window.location.hash = disbursementHref(row.applicationId)), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('queue.total', { total }),
          showSizeChanger: false,
        }}
      />
    </Space>
  );
}
