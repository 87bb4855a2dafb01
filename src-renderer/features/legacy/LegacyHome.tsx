import { Alert, Button, Card, Descriptions, Form, Input, Result as AntResult, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { LegacyUpgradeResult, LegacyView } from '@shared/contract/http/legacy';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { LegacyHistoryTable } from './LegacyHistoryTable';

/**
 * What a legacy session may do (manual 000): see the countdown to the cut-off, its history, and upgrade — into the
 * enterprise's one-stop account when it exists, or first register the enterprise through the ways in.
 */
export function LegacyHome() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const [view, setView] = useState<LegacyView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [upgraded, setUpgraded] = useState<LegacyUpgradeResult | null>(null);

  useEffect(() => {
    let live = true;
    void call((api) => api.legacy.me({})).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const leave = async () => {
    await call((api) => api.auth.logout({}));
    go('login');
  };

  if (upgraded) {
    return (
      <Card>
        <AntResult
          status="success"
          data-testid="legacy-upgraded"
          title={t('legacy.upgrade.done')}
          subTitle={
            <>
              <div>{t('legacy.upgrade.doneDetail', { username: upgraded.username, role: t(`role.${upgraded.role}`), rows: upgraded.historyRows })}</div>
              {upgraded.created && <div>{t('legacy.upgrade.doneCreated')}</div>}
            </>
          }
          extra={
            <Button type="primary" data-testid="legacy-to-login" onClick={() => go('login')}>
              {t('legacy.toOneStopLogin')}
            </Button>
          }
        />
      </Card>
    );
  }
  if (error) {
    return (
      <Card>
        <ErrorAlert error={error} extra={<Button size="small" onClick={() => go('login')}>{t('nav.toLogin')}</Button>} />
      </Card>
    );
  }
  if (!view) return <Spin style={{ display: 'block', margin: 80 }} description={t('app.loading')} />;

  const { account } = view;
  return (
    <>
      <Alert
        type={view.daysLeft <= 7 ? 'warning' : 'info'}
        showIcon
        data-testid="legacy-countdown"
        data-days-left={view.daysLeft}
        title={view.daysLeft === 0 ? t('legacy.banner.lastDay', { date: view.cutoff }) : t('legacy.banner.days', { date: view.cutoff, days: view.daysLeft })}
        style={{ marginBottom: 16 }}
      />
      <Card
        title={<h2 style={{ margin: 0, fontSize: 20 }}>{t('legacy.home.title', { name: account.displayName })}</h2>}
        extra={<Button onClick={() => void leave()}>{t('legacy.logout')}</Button>}
      >
        <Descriptions
          bordered
          column={1}
          size="middle"
          styles={{ label: { width: 200 } }}
          items={[
            { key: 'username', label: t('legacy.home.username'), children: account.username },
            { key: 'enterprise', label: t('legacy.home.enterprise'), children: account.enterpriseName },
            { key: 'uscc', label: t('legacy.home.uscc'), children: account.uscc },
            { key: 'role', label: t('legacy.home.role'), children: t(`legacy.role.${account.role}`) },
            { key: 'target', label: t('legacy.home.targetRole'), children: t(`role.${account.targetRole}`) },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('legacy.history.title')}</h2>} style={{ marginTop: 24 }}>
        <LegacyHistoryTable rows={view.history} testId="legacy-history" />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('legacy.upgrade.title')}</h2>} style={{ marginTop: 24 }}>
        {view.enterpriseRegistered ? (
          <UpgradeForm view={view} onDone={setUpgraded} />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="legacy-no-enterprise"
            title={t('legacy.upgrade.noEnterprise', { uscc: account.uscc })}
            action={
              <Button type="primary" size="small" onClick={() => go('registration-start')}>
                {t('legacy.upgrade.register')}
              </Button>
            }
          />
        )}
      </Card>
    </>
  );
}

/** The proof: a one-stop account of the enterprise signs in here (super, admin, or an administrator's consent). */
function UpgradeForm({ view, onDone }: { view: LegacyView; onDone: (r: LegacyUpgradeResult) => void }) {
  const t = useT();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const suggested = view.account.role === 'legalRepresentative' ? 'super' : 'admin';

  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    const r = await call((api) => api.legacy.upgrade({ username: values.username.trim(), password: values.password }));
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };

  return (
    <Form layout="vertical" requiredMark={false} initialValues={{ username: suggested }} onFinish={(v) => void onFinish(v)} disabled={busy} style={{ maxWidth: 480 }}>
      <Typography.Paragraph data-testid="legacy-upgrade-intro">{t(`legacy.upgrade.intro.${view.account.role}`)}</Typography.Paragraph>
      <Form.Item name="username" label={t('legacy.upgrade.username')} rules={[{ required: true, whitespace: true, message: t('login.required.username') }]}>
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item name="password" label={t('legacy.upgrade.password')} rules={[{ required: true, message: t('login.required.password') }]}>
        <Input.Password autoComplete="off" maxLength={256} />
      </Form.Item>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="legacy-upgrade-submit">
        {t('legacy.upgrade.submit')}
      </Button>
    </Form>
  );
}
