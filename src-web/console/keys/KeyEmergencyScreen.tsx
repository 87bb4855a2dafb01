/**
 * 密钥挂失 (support and admin, issue 17 item 3): a caller's key is lost or stolen and nobody at the enterprise can
 * stop it. Staff find the enterprise by its USCC, see its accounts with the certificates bound to each, unbind a
 * certificate, and deactivate or reactivate an account with the reason the caller gave (kept in the audit row).
 * Every read and change goes through the staff-keys routes, which check the role and audit the staff member.
 */
import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { keyEmergencyReasonSchema, staffKeyAccountsRoute, staffSetAccountStatusRoute, staffUnbindCertificateRoute, type StaffKeyAccount } from '@shared/contract/http/staff-keys';
import { usccSchema } from '@shared/validation/zod';
import { call } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { dateOnly } from '../format';
import { useT } from '../i18n';

type Found = Awaited<ReturnType<typeof call<typeof staffKeyAccountsRoute>>>;
type Change = { kind: 'unbind'; account: StaffKeyAccount; fingerprint: string } | { kind: 'status'; account: StaffKeyAccount; status: 'active' | 'deactivated' };

export function KeyEmergencyScreen() {
  const t = useT();
  const [uscc, setUscc] = useState('');
  const [usccProblem, setUsccProblem] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [change, setChange] = useState<Change | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const load = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      setFound(await call(staffKeyAccountsRoute, { query: { uscc: code } }));
    } catch (e) {
      setFound(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const search = () => {
    const parsed = usccSchema.safeParse(uscc.trim());
    setUsccProblem(!parsed.success);
    setDone(null);
    if (parsed.success) void load(parsed.data);
  };

  const reasonOk = keyEmergencyReasonSchema.safeParse(reason).success;
  const confirm = async () => {
    if (!found || !change) return;
    const params = { enterpriseId: found.enterprise.id, accountId: change.account.id };
    setBusy(true);
    setError(null);
    try {
      if (change.kind === 'unbind') await call(staffUnbindCertificateRoute, { params: { ...params, fingerprint: change.fingerprint } });
      else await call(staffSetAccountStatusRoute, { params, body: { status: change.status, reason } });
      setDone(t(change.kind === 'unbind' ? 'keys.doneUnbind' : change.status === 'active' ? 'keys.doneActivate' : 'keys.doneDeactivate', { username: change.account.username }));
      setChange(null);
      setReason('');
      await load(found.enterprise.uscc);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const columns = [
    { title: t('keys.account'), key: 'account', render: (_: unknown, a: StaffKeyAccount) => `${a.username}（${a.displayName}）` },
    { title: t('keys.role'), dataIndex: 'role', key: 'role', render: (r: StaffKeyAccount['role']) => t(`keys.role.${r}`) },
    { title: t('keys.mobile'), dataIndex: 'mobile', key: 'mobile', render: (m: string | null) => m ?? t('keys.none') },
    {
      title: t('keys.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: StaffKeyAccount['status']) => <Tag color={s === 'active' ? 'success' : 'default'}>{t(`keys.status.${s}`)}</Tag>,
    },
    {
      title: t('keys.certificates'),
      key: 'certificates',
      render: (_: unknown, a: StaffKeyAccount) =>
        a.certificates.length === 0 ? (
          t('keys.none')
        ) : (
          <Space orientation="vertical" size={4}>
            {a.certificates.map((c) => (
              <Space key={c.fingerprint} wrap>
                <Typography.Text>{c.subject}</Typography.Text>
                <Typography.Text type="secondary">{t('keys.notAfter', { date: dateOnly(c.notAfter) })}</Typography.Text>
                <Button size="small" danger data-testid={`keys-unbind-${a.username}`} onClick={() => setChange({ kind: 'unbind', account: a, fingerprint: c.fingerprint })}>
                  {t('keys.unbind')}
                </Button>
              </Space>
            ))}
          </Space>
        ),
    },
    {
      title: t('keys.actions'),
      key: 'actions',
      render: (_: unknown, a: StaffKeyAccount) =>
        a.status === 'removed' ? null : a.status === 'active' ? (
          <Button size="small" danger data-testid={`keys-deactivate-${a.username}`} onClick={() => setChange({ kind: 'status', account: a, status: 'deactivated' })}>
            {t('keys.deactivate')}
          </Button>
        ) : (
          <Button size="small" data-testid={`keys-activate-${a.username}`} onClick={() => setChange({ kind: 'status', account: a, status: 'active' })}>
            {t('keys.activate')}
          </Button>
        ),
    },
  ];

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 20 }}>{t('keys.title')}</h1>}>
      <Typography.Paragraph>{t('keys.intro')}</Typography.Paragraph>
      <Form layout="inline" onFinish={search}>
        <Form.Item label={t('keys.uscc')} htmlFor="keys-uscc" validateStatus={usccProblem ? 'error' : undefined} help={usccProblem ? t('keys.usccInvalid') : undefined}>
          <Input id="keys-uscc" data-testid="keys-uscc" value={uscc} maxLength={18} onChange={(e) => setUscc(e.target.value.toUpperCase())} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="keys-search" loading={busy && !change}>
          {t('keys.search')}
        </Button>
      </Form>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        {error && !change ? <ErrorAlert error={error} /> : null}
        {done ? <Alert type="success" showIcon data-testid="keys-done" title={done} /> : null}
        {found ? (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }} data-testid="keys-enterprise">
              {found.enterprise.name}（{found.enterprise.uscc}）
            </Typography.Title>
            <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={found.accounts} data-testid="keys-accounts" />
          </>
        ) : null}
      </Space>
      <Modal
        open={change !== null}
        title={change ? t(change.kind === 'unbind' ? 'keys.confirmUnbind' : change.status === 'active' ? 'keys.confirmActivate' : 'keys.confirmDeactivate', { username: change.account.username }) : ''}
        okText={t('keys.confirm')}
        cancelText={t('keys.cancel')}
        okButtonProps={{ danger: true, disabled: change?.kind === 'status' && !reasonOk, loading: busy, 'data-testid': 'keys-confirm' }}
        onOk={() => void confirm()}
        onCancel={() => {
          setChange(null);
          setError(null);
        }}
      >
        <Typography.Paragraph>{change?.kind === 'unbind' ? t('keys.unbindEffect') : change?.status === 'deactivated' ? t('keys.deactivateEffect') : t('keys.activateEffect')}</Typography.Paragraph>
        {change?.kind === 'status' ? (
          <Form layout="vertical">
            <Form.Item label={t('keys.reason')} htmlFor="keys-reason" required extra={t('keys.reasonHelp')}>
              <Input.TextArea id="keys-reason" data-testid="keys-reason" value={reason} maxLength={200} rows={2} onChange={(e) => setReason(e.target.value)} />
            </Form.Item>
          </Form>
        ) : null}
        {error && change ? <ErrorAlert error={error} /> : null}
      </Modal>
    </Card>
  );
}
