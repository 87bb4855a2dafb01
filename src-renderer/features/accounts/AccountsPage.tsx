import { ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Switch, Table, Typography, type FormRule } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { EnterpriseAccount } from '@shared/contract/client-api';
import type { ServiceItem } from '@shared/contract/http/route';
import type { AppError, Result } from '@shared/contract/result';
import type { MessageKey } from '@shared/i18n/messages';
import type { z } from 'zod';
import { accountCreateBodySchema } from '@shared/contract/http/enterprise';
import { checkForm, contractRule } from '@shared/forms';
import { maskMobile } from '@shared/validation/mobile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { clientApi } from '../../platform';
import { useRouter } from '../../state/router';

/** The service items an admin can grant today (the others are not open yet). */
const ITEMS: readonly { item: ServiceItem; label: MessageKey }[] = [{ item: 'subsidy', label: 'accounts.item.subsidy' }];
/** A new handler as the form collects it: the contract's account without the role (always `handler` here). */
type NewHandler = Omit<z.input<typeof accountCreateBodySchema>, 'role'>;
const newHandlerIssues = (v: NewHandler) => checkForm(accountCreateBodySchema, { ...v, role: 'handler' }).issues;

/**
 * 账号与权限管理 (issue 6): the enterprise's super and admin list its accounts, add handlers (the initial password
 * goes to the handler's mobile by SMS) and grant or revoke a handler's service items. The server decides who may.
 */
export default function AccountsPage() {
  const t = useT();
  const locale = useLocale();
  const rule = (path: string) => contractRule(newHandlerIssues, path, locale) as FormRule;
  const go = useRouter((s) => s.go);
  const { message } = App.useApp();
  const [accounts, setAccounts] = useState<EnterpriseAccount[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [permError, setPermError] = useState<{ username: string; error: AppError } | null>(null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<AppError | null>(null);
  const [form] = Form.useForm<NewHandler>();

  const apply = useCallback((r: Result<{ accounts: EnterpriseAccount[] }>) => {
    setLoading(false);
    if (r.ok) {
      setAccounts(r.value.accounts);
      setLoadError(null);
    } else setLoadError(r.error);
  }, []);

  // The first load: state changes only when the answer arrives.
  useEffect(() => {
    void clientApi()?.accounts.list().then(apply);
  }, [apply]);

  const load = () => {
    const api = clientApi();
    if (!api) return;
    setLoading(true);
    void api.accounts.list().then(apply);
  };

  const toggle = async (account: EnterpriseAccount, item: ServiceItem, label: string, on: boolean) => {
    const api = clientApi();
    if (!api) return;
    const permissions = on ? [...new Set([...account.permissions, item])] : account.permissions.filter((p) => p !== item);
    setPending(account.id);
    setPermError(null);
    const r = await api.accounts.setPermissions({ accountId: account.id, permissions });
    setPending(null);
    if (r.ok) {
      const updated = r.value;
      setAccounts((list) => (list ?? []).map((a) => (a.id === updated.id ? updated : a)));
      void message.success(t(on ? 'accounts.granted' : 'accounts.revoked', { username: account.username, item: label }));
    } else setPermError({ username: account.username, error: r.error });
  };

  const create = async (values: NewHandler) => {
    const api = clientApi();
    if (!api) return;
    // The contract's output: trimmed, the mobile as 11 digits.
    const checked = checkForm(accountCreateBodySchema, { ...values, role: 'handler' });
    if (!checked.ok) return;
    setCreating(true);
    setCreateError(null);
    const r = await api.accounts.create(checked.value);
    setCreating(false);
    if (r.ok) {
      void message.success(t('accounts.created', { username: r.value.username, mobile: maskMobile(checked.value.mobile) }));
      form.resetFields();
      setAccounts((list) => [...(list ?? []).filter((a) => a.id !== r.value.id), r.value]);
    } else setCreateError(r.error);
  };

  return (
    <Space orientation="vertical" size={24} style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ margin: 0, fontSize: 22 }}>{t('accounts.title')}</h1>}
        extra={
          <Space>
            <Button icon={<ReloadOutlined aria-hidden />} aria-label={t('accounts.refresh')} loading={loading} onClick={load}>
              {t('accounts.refresh')}
            </Button>
            <Button aria-label={t('accounts.back')} onClick={() => go('home')}>
              {t('accounts.back')}
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={loadError} onRetry={load} style={{ marginBottom: 16 }} />
        {permError && (
          <ErrorAlert error={permError.error} title={t('accounts.permissionFailed', { username: permError.username })} style={{ marginBottom: 16 }} />
        )}
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
            { key: 'mobile', title: t('accounts.col.mobile'), render: (_, a) => a.mobile ?? '—' }, // masked by the server
            {
              key: 'permissions',
              title: t('accounts.col.permissions'),
              render: (_, a) =>
                a.role === 'handler' ? (
                  <Space orientation="vertical">
                    {ITEMS.map(({ item, label }) => {
                      const name = t(label);
                      return (
                        <Space key={item}>
                          <Switch
                            size="small"
                            aria-label={t('accounts.switchLabel', { username: a.username, item: name })}
                            checked={a.permissions.includes(item)}
                            loading={pending === a.id}
                            disabled={pending !== null}
                            onChange={(on) => void toggle(a, item, name, on)}
                          />
                          <span aria-hidden>{name}</span>
                        </Space>
                      );
                    })}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('accounts.allItems')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('accounts.create.title')}</h2>}>
        <Alert type="info" showIcon title={t('accounts.create.sms')} style={{ marginBottom: 16 }} />
        <ErrorAlert error={createError} title={t('accounts.create.failed')} style={{ marginBottom: 16 }} />
        <Form<NewHandler>
          form={form}
          layout="vertical"
          aria-label={t('accounts.create.title')}
          style={{ maxWidth: 480 }}
          initialValues={{ permissions: [] }}
          onFinish={(v) => void create(v)}
        >
          <Form.Item
            name="username"
            label={t('accounts.create.username')}
            extra={t('accounts.create.usernameHint')}
            rules={[rule('username')]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
          <Form.Item name="displayName" label={t('accounts.create.name')} rules={[rule('displayName')]}>
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="mobile"
            label={t('accounts.create.mobile')}
            rules={[rule('mobile')]}
          >
            <Input inputMode="tel" autoComplete="off" maxLength={20} />
          </Form.Item>
          <Form.Item name="permissions" label={t('accounts.create.items')}>
            <Checkbox.Group role="group" aria-label={t('accounts.create.items')} options={ITEMS.map(({ item, label }) => ({ value: item, label: t(label) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined aria-hidden />} loading={creating} aria-label={t('accounts.create.submit')}>
            {t('accounts.create.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
