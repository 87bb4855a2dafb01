/** The reviewers' queue: filters by status, submission dates and enterprise name or USCC; a row opens the application. */
import { Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { staffSubsidyQueueRoute, subsidyStatusSchema, type SubsidyStatus, type subsidyApplicationSummarySchema } from '@shared/contract/http/subsidy';
import { call } from './api';
import { statusLabel } from './domain-labels';
import { ErrorAlert } from './ErrorAlert';
import { dateTime, yuan } from './format';
import { useLang, useT } from './i18n';
import { applicationHref } from './router';
import { StatusTag } from './StatusTag';
import { useRemote } from './use-remote';

type Summary = z.infer<typeof subsidyApplicationSummarySchema>;

interface Filters {
  status?: SubsidyStatus;
  submittedFrom?: string;
  submittedTo?: string;
  q?: string;
}

const PAGE_SIZE = 20;

export function QueueScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const load = useCallback(
    () => call(staffSubsidyQueueRoute, { query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } }),
    [filters, page],
  );
  const { data, error, loading } = useRemote(load, JSON.stringify([filters, page]));

  const search = (values: Filters) => {
    setPage(1);
    setFilters({ ...values, q: values.q?.trim() || undefined });
  };

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
    { title: t('queue.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => dateTime(v, lang) },
    { title: t('queue.talents'), dataIndex: 'talentCount', align: 'right' },
    { title: t('queue.amountRequested'), dataIndex: 'amountRequestedFen', align: 'right', render: (v: number | null) => yuan(v) },
    { title: t('queue.status'), dataIndex: 'status', render: (v: SubsidyStatus) => <StatusTag status={v} /> },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('queue.title')}
      </Typography.Title>
      <Card size="small" title={t('queue.filters')}>
        <Form form={form} layout="inline" onFinish={search} aria-label={t('queue.filters')}>
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
      <Table<Summary>
        aria-label={t('queue.table')}
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.applications ?? []}
        locale={{ emptyText: t('queue.empty') }}
        onRow={(row) => ({ onClick: () => (window.location.hash = applicationHref(row.id)), style: { cursor: 'pointer' } })}
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
