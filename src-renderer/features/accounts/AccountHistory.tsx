import { Card, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AccountEvent } from '@shared/contract/http/account-roles';
import type { AppError, Result } from '@shared/contract/result';
import { isMessageKey } from '@shared/i18n/messages';
import { chinaDateTime } from '@shared/time/china';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { clientApi } from '../../platform';

const PAGE_SIZE = 10;

/** 授权与变更记录 (issue 13): who did what to which account, when, from the server's audit rows; newest first. */
export function AccountHistory(props: { refreshKey: number }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ entries: AccountEvent[]; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const apply = useCallback((r: Result<{ entries: AccountEvent[]; total: number }>) => {
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, []);
  const load = (p: number) => void clientApi()?.accounts.history({ page: p, pageSize: PAGE_SIZE }).then(apply);

  // State changes only when the answer arrives.
  useEffect(() => {
    void clientApi()?.accounts.history({ page, pageSize: PAGE_SIZE }).then(apply);
  }, [apply, page, props.refreshKey]);

  const items = (v: unknown) => (Array.isArray(v) && v.length ? v.map((i) => (isMessageKey(`roles.item.${String(i)}`) ? t(`roles.item.${String(i)}` as 'roles.item.subsidy') : String(i))).join('、') : t('roles.detail.none'));
  const status = (v: unknown) => (v === 'active' || v === 'deactivated' ? t(`roles.status.${v}`) : v === 'removed' ? t('roles.action.account.remove') : String(v ?? ''));
  const detail = (e: AccountEvent) => {
    if (e.after && 'permissions' in e.after) {
      // A new account's items alone; a change, before and after.
      if (!e.before) return Array.isArray(e.after.permissions) && e.after.permissions.length ? t('roles.detail.granted', { items: items(e.after.permissions) }) : '';
      return t('roles.detail.items', { before: items(e.before.permissions), after: items(e.after.permissions) });
    }
    if (e.after && 'status' in e.after && e.before) return t('roles.detail.status', { before: status(e.before.status), after: status(e.after.status) });
    const subject = e.after?.subject ?? e.before?.subject;
    return typeof subject === 'string' ? subject : '';
  };
  const actor = (e: AccountEvent) => e.actor.username ?? (e.actor.type === 'staff' ? t('roles.history.staff') : t('roles.history.system'));
  const action = (a: string) => (isMessageKey(`roles.action.${a}`) ? t(`roles.action.${a}` as 'roles.action.account.create') : a);

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('roles.history.title')}</h2>}>
      <ErrorAlert error={error} onRetry={() => load(page)} style={{ marginBottom: 16 }} />
      <Table<AccountEvent>
        aria-label={t('roles.history.table')}
        rowKey="id"
        size="small"
        dataSource={data?.entries ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'at', title: t('roles.history.at'), render: (_, e) => chinaDateTime(e.at) },
          { key: 'actor', title: t('roles.history.actor'), render: (_, e) => actor(e) },
          { key: 'account', title: t('roles.history.account'), render: (_, e) => e.account?.username ?? '—' },
          { key: 'action', title: t('roles.history.action'), render: (_, e) => action(e.action) },
          { key: 'detail', title: t('roles.history.detail'), render: (_, e) => <Typography.Text type="secondary">{detail(e)}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
