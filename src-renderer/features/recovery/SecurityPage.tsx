import { App, Alert, Button, Card, Descriptions, Form, Input, Space, Spin, Typography, type FormRule } from 'antd';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { CodeSent } from '@shared/contract/client-api';
import { contactChangeBodySchema, verificationCodeSchema, type AccountProfile, type CodeChannel } from '@shared/contract/http/recovery';
import type { AppError } from '@shared/contract/result';
import { checkForm, contractRule } from '@shared/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { describeError } from '../../errors/describe';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';

const destinationIssues = (channel: CodeChannel) => (v: { destination?: string }) => checkForm(contactChangeBodySchema, { channel, destination: v.destination ?? '' }).issues;
const codeIssues = (v: { code?: string }) => checkForm(z.object({ code: verificationCodeSchema }), v).issues;

/**
 * 安全设置 (issue 13), from the header for every account: who is signed in, and the bound mobile (super only) and
 * e-mail, each changed by a code sent to the NEW one.
 */
export default function SecurityPage() {
  const t = useT();
  const locale = useLocale();
  const back = useRouter((s) => s.back);
  const [profile, setProfile] = useState<AccountProfile | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void call((api) => api.profile.get({})).then((r) => (r.ok ? setProfile(r.value) : setError(r.error)));
  }, []);

  return (
    <Card style={{ maxWidth: 720, margin: '24px auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
        {t('security.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('security.intro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      {!profile && !error && <Spin description={t('app.loading')} />}
      {profile && (
        <>
          {profile.role === 'super' && !profile.mobile && !profile.email && (
            <Alert type="warning" showIcon data-testid="security-unbound" title={t('security.superUnbound')} style={{ marginBottom: 16 }} />
          )}
          <Descriptions column={1} bordered size="middle" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('security.account')}>{profile.username}</Descriptions.Item>
            <Descriptions.Item label={t('security.role')}>{t(`role.${profile.role}`)}</Descriptions.Item>
            <Descriptions.Item label={t('security.mobile')}>
              {profile.mayBindMobile ? (
                <ContactEditor channel="sms" current={profile.mobile} onBound={setProfile} />
              ) : (
                <Space direction="vertical" size={2}>
                  <span data-testid="contact-sms">{profile.mobile ?? t('security.none')}</span>
                  <Typography.Text type="secondary">{describeError({ code: 'MOBILE_BINDING_SUPER_ONLY', retriable: false }, locale).message}</Typography.Text>
                </Space>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('security.email')}>
              <ContactEditor channel="email" current={profile.email} onBound={setProfile} />
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      <Button onClick={() => back('home')}>{t('nav.back')}</Button>
    </Card>
  );
}

function ContactEditor({ channel, current, onBound }: { channel: CodeChannel; current: string | null; onBound: (p: AccountProfile) => void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [sent, setSent] = useState<(CodeSent & { challengeId: string }) | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ destination: string; code: string }>();

  const close = () => {
    setEditing(false);
    setSent(null);
    setError(null);
    form.resetFields();
  };
  const sendCode = async () => {
    setBusy(true);
    setError(null);
    const destination = (form.getFieldValue('destination') as string).trim();
    const r = await call((api) => api.profile.startContactChange(channel === 'sms' ? { channel, destination } : { channel, destination }));
    setBusy(false);
    if (r.ok) setSent(r.value);
    else setError(r.error);
  };
  const confirm = async () => {
    if (!sent) return;
    setBusy(true);
    setError(null);
    const r = await call((api) => api.profile.confirmContactChange({ challengeId: sent.challengeId, code: (form.getFieldValue('code') as string).trim() }));
    setBusy(false);
    if (r.ok) {
      void message.success(t('security.bound', { destination: sent.destination }));
      onBound(r.value);
      close();
    } else setError(r.error);
  };

  if (!editing) {
    return (
      <Space>
        <span data-testid={`contact-${channel}`}>{current ?? t('security.none')}</span>
        <Button size="small" onClick={() => setEditing(true)} data-testid={`contact-${channel}-edit`}>
          {t(current ? 'security.change' : 'security.bind')}
        </Button>
      </Space>
    );
  }
  return (
    <Form form={form} layout="vertical" requiredMark={false} disabled={busy} onFinish={() => void (sent ? confirm() : sendCode())} style={{ maxWidth: 380 }}>
      <Form.Item
        name="destination"
        label={t(channel === 'sms' ? 'security.newMobile' : 'security.newEmail')}
        rules={[{ required: true, whitespace: true, message: t('recovery.required.destination') }, contractRule(destinationIssues(channel), 'destination', locale) as FormRule]}
      >
        <Input autoComplete={channel === 'sms' ? 'tel' : 'email'} maxLength={channel === 'sms' ? 20 : 254} disabled={!!sent} />
      </Form.Item>
      {sent && (
        <>
          <Alert type="info" showIcon title={t('security.codeSent', { destination: sent.destination })} style={{ marginBottom: 12 }} />
          <Form.Item name="code" label={t('recovery.field.code')} rules={[contractRule(codeIssues, 'code', locale) as FormRule]}>
            <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ maxWidth: 200 }} />
          </Form.Item>
        </>
      )}
      {error && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t(sent ? 'security.confirm' : 'recovery.sendCode')}
        </Button>
        <Button onClick={close}>{t('security.cancel')}</Button>
      </Space>
    </Form>
  );
}
