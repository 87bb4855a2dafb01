/**
 * A staff queue: a heading, a filter form (the screen's own fields, then 企业名称或统一社会信用代码, 查询 and 重置),
 * the server's answer in a paged table whose rows open their record. The reviewers' and finance's queues are this
 * with their own filters, columns and route.
 */
import { Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState, type ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { useT } from './i18n';
import type { MessageKey } from './messages';
import { useRemote } from './use-remote';

const PAGE_SIZE = 20;

export function FilteredQueue<F extends { q?: string }, Row extends object>(props: {
  title: ReactNode;
  /** Shown between the heading and the filters. */
  before?: ReactNode;
  /** The statuses to filter by (a `status` key of F), each with its label: the queues' common first filter. */
  statuses?: { options: readonly string[]; label(status: string): string };
  /** The screen's own filter fields (Form.Items named after keys of F). */
  fields?: ReactNode;
  fetch(filters: F, limit: number, offset: number): Promise<{ rows: Row[]; total: number }>;
  columns: ColumnsType<Row>;
  rowKey: keyof Row & string;
  href(row: Row): string;
  tableLabel: MessageKey;
  emptyText: MessageKey;
}) {
  const t = useT();
  const [form] = Form.useForm<F>();
  const [filters, setFilters] = useState<F>({} as F);
  const [page, setPage] = useState(1);
  const { fetch } = props;
  const load = useCallback(() => fetch(filters, PAGE_SIZE, (page - 1) * PAGE_SIZE), [fetch, filters, page]);
  const { data, error, loading } = useRemote(load, JSON.stringify([filters, page]));

  const search = (values: F) => {
    setPage(1);
    setFilters({ ...values, q: values.q?.trim() || undefined });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      {props.before}
      <Card size="small" title={t('queue.filters')}>
        <Form form={form} layout="inline" onFinish={search} aria-label={t('queue.filters')}>
          {props.statuses ? (
            <Form.Item label={t('queue.status')} name="status">
              <Select
                aria-label={t('queue.status')}
                allowClear
                placeholder={t('queue.statusAll')}
                style={{ width: 160 }}
                options={props.statuses.options.map((s) => ({ value: s, label: props.statuses!.label(s) }))}
              />
            </Form.Item>
          ) : null}
          {props.fields}
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
                search({} as F);
              }}
            >
              {t('queue.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      <Table<Row>
        aria-label={t(props.tableLabel)}
        rowKey={props.rowKey}
        loading={loading}
        columns={props.columns}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t(props.emptyText) }}
        onRow={(row) => ({ onClick: () => (window.location.hash = props.href(row)), style: { cursor: 'pointer' } })}
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
