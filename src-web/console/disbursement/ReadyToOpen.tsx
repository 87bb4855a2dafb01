/**
 * 待启动拨付: the applications in publicity, for finance to open their disbursement once the period is over (the
 * server refuses earlier with PUBLICITY_NOT_OVER). Oldest submission first; a row opens the application, where
 * 启动资金拨付 is.
 */
import { Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback } from 'react';
import { staffSubsidyQueueRoute } from '@shared/contract/http/subsidy';
import type { z } from 'zod';
import type { subsidyApplicationSummarySchema } from '@shared/contract/http/subsidy';
import { call } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { yuan } from '../format';
import { useT } from '../i18n';
import { applicationHref } from '../router';
import { useRemote } from '../use-remote';
import { chinaToday, publicityOver } from './model';

type Summary = z.infer<typeof subsidyApplicationSummarySchema>;

export function ReadyToOpen() {
  const t = useT();
  const load = useCallback(() => call(staffSubsidyQueueRoute, { query: { status: 'publicity', limit: 200, offset: 0 } }), []);
  const { data, error, loading } = useRemote(load, 'publicity');
  const today = chinaToday();
  const columns: ColumnsType<Summary> = [
    {
      title: t('queue.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <a href={applicationHref(row.id)} aria-label={t('ready.open', { name })}>
          {name}
        </a>
      ),
    },
    { title: t('queue.uscc'), dataIndex: 'enterpriseUscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('ready.amount'), dataIndex: 'amountApprovedFen', align: 'right', render: (v: number | null) => yuan(v) },
    { title: t('ready.publicityEnd'), dataIndex: 'publicityEndDate', render: (v: string | null) => v ?? '—' },
    {
      title: t('queue.status'),
      dataIndex: 'publicityEndDate',
      key: 'ready',
      render: (v: string | null) => (publicityOver(v, today) ? <Tag color="green">{t('ready.over')}</Tag> : <Tag>{t('ready.running')}</Tag>),
    },
  ];
  return (
    <Card size="small" title={t('ready.title')} role="region" aria-label={t('ready.title')}>
      <ErrorAlert error={error} />
      <Table<Summary>
        aria-label={t('ready.title')}
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.applications ?? []}
        locale={{ emptyText: t('ready.empty') }}
        onRow={(row) => ({ onClick: () => (window.location.hash = applicationHref(row.id)), style: { cursor: 'pointer' } })}
        pagination={false}
      />
    </Card>
  );
}
