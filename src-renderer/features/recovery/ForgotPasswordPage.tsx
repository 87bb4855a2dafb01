import { App, Alert, Button, Card, Collapse, Form, Input, Radio, Result, Steps, Typography, type FormRule } from 'antd';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { CodeSent, RecoveryOutcome } from '@shared/contract/client-api';
import { CODE_RESEND_SECONDS, recoveryStartBodySchema, verificationCodeSchema, type CodeChannel } from '@shared/contract/http/recovery';
import type { AppError } from '@shared/contract/result';
import { checkForm, contractRule } from '@shared/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { PasswordFields } from '../login/PasswordFields';
import { useAccountRequest } from '../../state/account-request';

interface Identify {
  enterprise: string;
  username: string;
  channel: CodeChannel;
  destination: string;
}

const identifyIssues = (v: Identify) => checkForm(recoveryStartBodySchema, v).issues;
const codeIssues = (v: { code?: string }) => checkForm(z.object({ code: verificationCodeSchema }), v).issues;

/** Seconds until `since + CODE_RESEND_SECONDS`, ticking. */
function useResendWait(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  // `now` ticks from the last interval: never earlier than the send itself.
  return since === null ? 0 : Math.max(0, Math.ceil((since + CODE_RESEND_SECONDS * 1000 - Math.max(now, since)) / 1000));
}

/**
 * 忘记密码 (issue 13): the account and its bound mobile or e-mail → the code → super sets a new password and is
 * signed in; admin and handler learn who resets theirs. The server's first answer is the same whatever exists, so
 * this screen says "if…" until the code is proven.
 */
export default function ForgotPasswordPage() {
  const t = useT();
  const locale = useLocale();
  const go = useRouter((s) => s.go);
  const signedIn = useSession((s) => s.signedIn);
  const { message } = App.useApp();
  const [identifyForm] = Form.useForm<Identify>();
  const [codeForm] = Form.useForm<{ code: string }>();
  const [passwordForm] = Form.useForm<{ newPassword: string; confirm: string }>();
  const [sent, setSent] = useState<(CodeSent & { recoveryId: string; at: number }) | null>(null);
  const [outcome, setOutcome] = useState<RecoveryOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const channel = (Form.useWatch('channel', identifyForm) as CodeChannel | undefined) ?? 'sms';
  const wait = useResendWait(sent?.at ?? null);
  const rule = (path: string) => contractRule(identifyIssues, path, locale) as FormRule;

  const run = async <T,>(action: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, then: (value: T) => void) => {
    setBusy(true);
    setError(null);
    const r = await action();
    setBusy(false);
    if (r.ok) then(r.value);
    else setError(r.error);
  };

  const sendCode = () =>
    run(
      () => call((api) => api.recovery.start(identifyForm.getFieldsValue(true) as Identify)),
      (value) => {
        setSent({ ...value, at: Date.now() });
        codeForm.resetFields();
      },
    );
  const verify = ({ code }: { code: string }) =>
    run(
      () => call((api) => api.recovery.verify({ recoveryId: sent!.recoveryId, code: code.trim() })),
      setOutcome,
    );
  const setPassword = ({ newPassword }: { newPassword: string }) =>
    run(
      () => call((api) => api.recovery.setPassword({ recoveryId: sent!.recoveryId, newPassword })),
      (session) => {
        void message.success(t('recovery.done'));
        signedIn(session);
      },
    );
  const restart = () => {
    setSent(null);
    setOutcome(null);
    setError(null);
  };

  const step = outcome ? 2 : sent ? 1 : 0;
  return (
    <Card style={{ maxWidth: 640, margin: '24px auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
        {t('recovery.title')}
      </Typography.Title>
      <Steps size="small" current={step} style={{ marginBottom: 24 }} items={[{ title: t('recovery.step.identify') }, { title: t('recovery.step.code') }, { title: t('recovery.step.result') }]} />
      {step === 0 && (
        <Form form={identifyForm} layout="vertical" requiredMark={false} initialValues={{ channel: 'sms' }} onFinish={() => void sendCode()} disabled={busy}>
          <Typography.Paragraph type="secondary">{t('recovery.intro')}</Typography.Paragraph>
          <Form.Item name="enterprise" label={t('recovery.field.enterprise')} rules={[{ required: true, whitespace: true, message: t('recovery.required.enterprise') }]}>
            <Input autoComplete="organization" maxLength={200} />
          </Form.Item>
          <Form.Item name="username" label={t('recovery.field.username')} rules={[{ required: true, whitespace: true, message: t('recovery.required.username') }]}>
            <Input autoComplete="username" maxLength={64} />
          </Form.Item>
          <Form.Item name="channel" label={t('recovery.field.channel')}>
            <Radio.Group
              options={[
                { value: 'sms', label: t('recovery.channel.sms') },
                { value: 'email', label: t('recovery.channel.email') },
              ]}
              onChange={() => identifyForm.setFieldValue('destination', '')}
            />
          </Form.Item>
          <Form.Item
            name="destination"
            label={t(channel === 'sms' ? 'recovery.field.mobile' : 'recovery.field.email')}
            rules={[{ required: true, whitespace: true, message: t('recovery.required.destination') }, rule('destination')]}
          >
            <Input autoComplete={channel === 'sms' ? 'tel' : 'email'} maxLength={channel === 'sms' ? 20 : 254} />
          </Form.Item>
          {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('recovery.sendCode')}
          </Button>
        </Form>
      )}
      {step === 1 && sent && (
        <Form form={codeForm} layout="vertical" requiredMark={false} onFinish={(v) => void verify(v)} disabled={busy}>
          <Alert type="info" showIcon data-testid="recovery-sent" title={t('recovery.sent', { destination: sent.destination })} style={{ marginBottom: 16 }} />
          <Form.Item name="code" label={t('recovery.field.code')} rules={[contractRule(codeIssues, 'code', locale) as FormRule]}>
            <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ maxWidth: 200 }} />
          </Form.Item>
          {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" size="large" loading={busy}>
            {t('recovery.verify')}
          </Button>
          <Button type="link" disabled={wait > 0 || busy} onClick={() => void sendCode()}>
            {wait > 0 ? t('recovery.resendIn', { seconds: wait }) : t('recovery.resend')}
          </Button>
          <Collapse ghost style={{ marginTop: 16 }} items={[{ key: 'no-code', label: t('recovery.noCode.title'), children: <Typography.Paragraph>{t('recovery.noCode.body')}</Typography.Paragraph> }]} />
        </Form>
      )}
      {outcome?.role === 'super' && (
        <Form form={passwordForm} layout="vertical" requiredMark={false} onFinish={(v) => void setPassword(v)} disabled={busy}>
          <Typography.Paragraph strong>{t('recovery.newPassword.title', { username: outcome.username })}</Typography.Paragraph>
          <PasswordFields form={passwordForm} username={outcome.username} />
          {error && <ErrorAlert error={error} extra={error.code === 'RECOVERY_EXPIRED' ? <Button onClick={restart}>{t('recovery.restart')}</Button> : undefined} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('recovery.newPassword.submit')}
          </Button>
        </Form>
      )}
      {outcome?.role === 'admin' && (
        <Result
          status="info"
          data-testid="recovery-admin"
          title={t(outcome.superReachable ? 'recovery.admin.title' : 'recovery.admin.noSuper.title', { username: outcome.username })}
          subTitle={t(outcome.superReachable ? 'recovery.admin.body' : 'recovery.admin.noSuper.body')}
          extra={
            outcome.superReachable ? undefined : (
              <Button
                type="primary"
                data-testid="recovery-admin-request"
                onClick={() => {
                  useAccountRequest.getState().start('administratorChange');
                  go('account-request');
                }}
              >
                {t('acctreq.fromRecovery')}
              </Button>
            )
          }
        />
      )}
      {outcome?.role === 'handler' && (
        <Result status="info" data-testid="recovery-handler" title={t('recovery.handler.title', { username: outcome.username })} subTitle={t('recovery.handler.body')} />
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16 }}>
        {step > 0 ? <Button onClick={restart}>{t('recovery.restart')}</Button> : <span />}
        <Button type="link" onClick={() => go('login')}>
          {t('nav.toLogin')}
        </Button>
      </div>
    </Card>
  );
}
