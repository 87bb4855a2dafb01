import { ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Popconfirm, Radio, Space, Switch, Table, Tag, Typography, type FormRule } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { EnterpriseAccount } from '@shared/contract/client-api';
import { creatableRoles, grantableItems, mayManage } from '@shared/contract/http/account-roles';
import type { ServiceItem } from '@shared/contract/http/route';
import type { AppError, Result } from '@shared/contract/result';
import type { z } from 'zod';
import { accountCreateBodySchema } from '@shared/contract/http/enterprise';
import { checkForm, contractRule } from '@shared/forms';
import { maskMobile } from '@shared/validation/mobile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { clientApi } from '../../platform';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { AccountHistory } from './AccountHistory';
import { ElicencePersons } from './ElicencePersons';
import { MyCertificates } from './MyCertificates';

type NewAccount = z.input<typeof accountCreateBodySchema>;
const newAccountIssues = (v: NewAccount) => checkForm(accountCreateBodySchema, v).issues;

/**
 * 账号与权限管理 (issues 6 and 13): super and admin see the enterprise's accounts with role, status and every
 * service item of the contract; what each row offers follows the contract's `mayManage` (super: admins and
 * handlers; admin: handlers; nobody themselves), and the server enforces the same. Super adds administrators or
 * handlers, admin adds handlers. Below: the grants-and-changes history, and 我的证书 for every account.
 */
export default function AccountsPage() {
  const t = useT();
  const locale = useLocale();
  const rule = (path: string) => contractRule(newAccountIssues, path, locale) as FormRule;
  const go = useRouter((s) => s.go);
  const session = useSession((s) => s.session);
  const { message } = App.useApp();
  const [accounts, setAccounts] = useState<EnterpriseAccount[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ username: string; error: AppError } | null>(null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<AppError | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [form] = Form.useForm<NewAccount>();
  const role = session?.role ?? 'handler';
  const manager = role === 'super' || role === 'admin';
  const roles = creatableRoles(role);
  const itemLabel = (item: ServiceItem) => t(`roles.item.${item}`);

  const apply = useCallback((r: Result<{ accounts: EnterpriseAccount[] }>) => {
    setLoading(false);
    if (r.ok) {
      setAccounts(r.value.accounts);
      setLoadError(null);
    } else setLoadError(r.error);
  }, []);

  useEffect(() => {
    if (manager) void clientApi()?.accounts.list().then(apply);
  }, [apply, manager]);

  const load = () => {
    const api = clientApi();
    if (!api) return;
    setLoading(true);
    void api.accounts.list().then(apply);
    setHistoryKey((k) => k + 1);
  };

  /** Runs a change of one row; on success the list and the history are read again. */
  const change = async (account: EnterpriseAccount, run: () => Promise<Result<unknown> | undefined>, done: string) => {
    setPending(account.id);
    setRowError(null);
    const r = await run();
    setPending(null);
    if (!r) return;
    if (r.ok) {
      void message.success(done);
      load();
    } else setRowError({ username: account.username, error: r.error });
  };

  const toggle = (account: EnterpriseAccount, item: ServiceItem, on: boolean) => {
    const permissions = on ? [...new Set([...account.permissions, item])] : account.permissions.filter((p) => p !== item);
    const label = itemLabel(item);
    return change(account, () => clientApi()!.accounts.setPermissions({ accountId: account.id, permissions }), t(on ? 'accounts.granted' : 'accounts.revoked', { username: account.username, item: label }));
  };

  const create = async (values: NewAccount) => {
    const api = clientApi();
    if (!api) return;
    // The contract's output: trimmed, the mobile as 11 digits.
    const checked = checkForm(accountCreateBodySchema, { ...values, role: values.role ?? roles[roles.length - 1] });
    if (!checked.ok) return;
    setCreating(true);
    setCreateError(null);
    const r = await api.accounts.create(checked.value);
    setCreating(false);
    if (r.ok) {
      void message.success(t('accounts.created', { username: r.value.username, mobile: maskMobile(checked.value.mobile) }));
      form.resetFields();
      load();
    } else setCreateError(r.error);
  };

  const actions = (a: EnterpriseAccount) => {
    if (a.id === session?.accountId || a.username === session?.username || !mayManage(role, a.role)) return null;
    const busy = pending !== null;
    return (
      <Space wrap>
        {a.status === 'active' ? (
          <Popconfirm title={t('roles.deactivateConfirm', { username: a.username })} okText={t('roles.ok')} cancelText={t('roles.cancel')} onConfirm={() => void change(a, () => clientApi()!.accounts.setStatus({ accountId: a.id, status: 'deactivated' }), t('roles.deactivated', { username: a.username }))}>
            <Button size="small" disabled={busy} aria-label={`${t('roles.deactivate')} ${a.username}`}>
              {t('roles.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" disabled={busy} aria-label={`${t('roles.reactivate')} ${a.username}`} onClick={() => void change(a, () => clientApi()!.accounts.setStatus({ accountId: a.id, status: 'active' }), t('roles.reactivated', { username: a.username }))}>
            {t('roles.reactivate')}
          </Button>
        )}
        <Popconfirm title={t('roles.resetConfirm', { username: a.username })} okText={t('roles.ok')} cancelText={t('roles.cancel')} onConfirm={() => void change(a, () => clientApi()!.accounts.resetPassword({ accountId: a.id }), t('roles.reset', { username: a.username }))}>
          <Button size="small" disabled={busy} aria-label={`${t('roles.resetPassword')} ${a.username}`}>
            {t('roles.resetPassword')}
          </Button>
        </Popconfirm>
        <Popconfirm title={t('roles.removeConfirm', { username: a.username })} okText={t('roles.ok')} cancelText={t('roles.cancel')} onConfirm={() => void change(a, () => clientApi()!.accounts.remove({ accountId: a.id }), t('roles.removed', { username: a.username }))}>
          <Button size="small" danger disabled={busy} aria-label={`${t('roles.remove')} ${a.username}`}>
            {t('roles.remove')}
          </Button>
        </Popconfirm>
      </Space>
    );
  };

  const me = session?.accountId ?? accounts?.find((a) => a.username === session?.username)?.id;
  const back = (
    <Button aria-label={t('accounts.back')} onClick={() => go('home')}>
      {t('accounts.back')}
    </Button>
  );

  return (
    <Space orientation="vertical" size={24} style={{ width: '100%' }}>
      {manager && (
        <Card
          title={<h1 style={{ margin: 0, fontSize: 22 }}>{t('accounts.title')}</h1>}
          extra={
            <Space>
              <Button icon={<ReloadOutlined aria-hidden />} aria-label={t('accounts.refresh')} loading={loading} onClick={load}>
                {t('accounts.refresh')}
              </Button>
              {back}
            </Space>
          }
        >
          <ErrorAlert error={loadError} onRetry={load} style={{ marginBottom: 16 }} />
          {rowError && <ErrorAlert error={rowError.error} title={t('roles.actionFailed', { username: rowError.username })} style={{ marginBottom: 16 }} />}
          <Table<EnterpriseAccount>
            aria-label={t('accounts.table')}
            rowKey="id"
            loading={loading && !accounts ? { description: t('accounts.loading') } : false}
            dataSource={accounts ?? []}
            pagination={false}
            columns={[
              { key: 'username', title: t('accounts.col.username'), dataIndex: 'username' },
              { key: 'name', title: t('accounts.col.name'), dataIndex: 'displayName' },
              { key: 'role', title: t('accounts.col.role'), render: (_, a) => t(`role.${a.role}`) },
              { key: 'status', title: t('roles.col.status'), render: (_, a) => <Tag color={a.status === 'active' ? 'success' : 'default'}>{t(`roles.status.${a.status}`)}</Tag> },
              { key: 'mobile', title: t('accounts.col.mobile'), render: (_, a) => a.mobile ?? '—' }, // masked by the server
              {
                key: 'permissions',
                title: t('accounts.col.permissions'),
                render: (_, a) =>
                  a.role === 'handler' ? (
                    <Space orientation="vertical">
                      {grantableItems.map((item) => (
                        <Space key={item}>
                          <Switch
                            size="small"
                            aria-label={t('accounts.switchLabel', { username: a.username, item: itemLabel(item) })}
                            checked={a.permissions.includes(item)}
                            loading={pending === a.id}
                            disabled={pending !== null || !mayManage(role, a.role)}
                            onChange={(on) => void toggle(a, item, on)}
                          />
                          <span aria-hidden>{itemLabel(item)}</span>
                        </Space>
                      ))}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t('accounts.allItems')}</Typography.Text>
                  ),
              },
              { key: 'actions', title: t('roles.col.actions'), render: (_, a) => actions(a) },
            ]}
          />
        </Card>
      )}

      {manager && (
        <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{roles.length > 1 ? t('roles.create.titleSuper') : t('accounts.create.title')}</h2>}>
          <Alert type="info" showIcon title={t('accounts.create.sms')} style={{ marginBottom: 16 }} />
          <ErrorAlert error={createError} title={t('accounts.create.failed')} style={{ marginBottom: 16 }} />
          <Form<NewAccount>
            form={form}
            layout="vertical"
            aria-label={t('accounts.create.title')}
            style={{ maxWidth: 480 }}
            initialValues={{ permissions: [], role: 'handler' }}
            onFinish={(v) => void create(v)}
          >
            {roles.length > 1 && (
              <Form.Item name="role" label={t('roles.create.role')}>
                <Radio.Group aria-label={t('roles.create.role')} options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
              </Form.Item>
            )}
            <Form.Item name="username" label={t('accounts.create.username')} extra={t('accounts.create.usernameHint')} rules={[rule('username')]}>
              <Input autoComplete="off" maxLength={32} />
            </Form.Item>
            <Form.Item name="displayName" label={t('accounts.create.name')} rules={[rule('displayName')]}>
              <Input autoComplete="off" maxLength={50} />
            </Form.Item>
            <Form.Item name="mobile" label={t('accounts.create.mobile')} rules={[rule('mobile')]}>
              <Input inputMode="tel" autoComplete="off" maxLength={20} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
              {({ getFieldValue }) =>
                getFieldValue('role') === 'handler' && (
                  <Form.Item name="permissions" label={t('accounts.create.items')}>
                    <Checkbox.Group role="group" aria-label={t('accounts.create.items')} options={grantableItems.map((item) => ({ value: item, label: itemLabel(item) }))} />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<UserAddOutlined aria-hidden />} loading={creating} aria-label={roles.length > 1 ? t('roles.create.submitAny') : t('accounts.create.submit')}>
              {roles.length > 1 ? t('roles.create.submitAny') : t('accounts.create.submit')}
            </Button>
          </Form>
        </Card>
      )}

      {role === 'super' && <ElicencePersons />}
      {manager && <AccountHistory refreshKey={historyKey} />}

      {!manager && <div style={{ textAlign: 'right' }}>{back}</div>}
      {session && me && <MyCertificates accountId={me} username={session.username} enterpriseUscc={session.uscc} onChange={() => setHistoryKey((k) => k + 1)} />}
    </Space>
  );
}
