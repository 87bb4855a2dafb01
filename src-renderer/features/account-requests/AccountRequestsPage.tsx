import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { AccountRequestSummary } from '@shared/contract/http/account-requests';
import type { AppError } from '@shared/contract/result';
import { chinaDateTime } from '@shared/time/china';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useClientList } from '../../components/use-client-list';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useAccountRequest } from '../../state/account-request';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';

const listRequests = async (api: TongbanClientApi) => {
  const r = await api.accountRequests.list();
  return r.ok ? { ok: true as const, value: r.value.requests } : r;
};
const COLORS = { submitted: 'processing', resubmitted: 'processing', refused: 'warning', approved: 'success' } as const;

/** 账户变更申请 (route `account-requests`): the enterprise's requests and their status; super or admin files new ones here. */
export default function AccountRequestsPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const session = useSession((s) => s.session);
  const { rows, error: listError, loading, load } = useClientList(listRequests);
  const [openError, setError] = useState<AppError | null>(null);
  const error = openError ?? listError;
  if (!session) return null;
  const enterprise = { uscc: session.uscc, name: session.enterpriseName };
  const start = (kind: 'administratorChange' | 'enterpriseChange') => {
    useAccountRequest.getState().start(kind, enterprise);
    go('account-request');
  };
  const open = async (id: string) => {
    const r = await call((api) => api.accountRequests.get({ requestId: id }));
    if (!r.ok) return setError(r.error);
    useAccountRequest.getState().show(r.value);
    go('account-request');
  };
  return (
    <Card style={{ maxWidth: 960, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {t('acctreq.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('acctreq.list.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button onClick={() => go('home')}>{t('acctreq.toHome')}</Button>
        {session.role === 'super' && (
          <Button type="primary" onClick={() => start('administratorChange')} data-testid="acctreq-new-administratorChange">
            {t('acctreq.list.new.administratorChange')}
          </Button>
        )}
        <Button onClick={() => start('enterpriseChange')} data-testid="acctreq-new-enterpriseChange">
          {t('acctreq.list.new.enterpriseChange')}
        </Button>
      </Space>
      <ErrorAlert error={error} onRetry={() => void load()} />
      <Table<AccountRequestSummary>
        rowKey="requestId"
        loading={loading}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('acctreq.list.empty') }}
        columns={[
          { title: t('acctreq.list.kind'), dataIndex: 'kind', render: (k: AccountRequestSummary['kind']) => t(`acctreq.kind.${k}`) },
          { title: t('acctreq.list.filedUnder'), dataIndex: 'enterpriseName' },
          { title: t('acctreq.list.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => chinaDateTime(v) },
          { title: t('acctreq.list.status'), dataIndex: 'status', render: (s: AccountRequestSummary['status']) => <Tag color={COLORS[s]}>{t(`acctreq.status.${s}`)}</Tag> },
          {
            title: t('acctreq.list.open'),
            key: 'open',
            render: (_, row) => (
              <Button size="small" onClick={() => void open(row.requestId)}>
                {t('acctreq.list.open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
