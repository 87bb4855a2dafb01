import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { maskMobile, parseMobile } from '@shared/validation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRegistration } from '../../state/registration-draft';

const RESEND_SECONDS = 60;

/** Shows a mobile number masked whether the server sent it masked already or not. */
function masked(mobile: string): string {
  return parseMobile(mobile).ok ? maskMobile(mobile) : mobile;
}

/** 7 短信验证: the code sent to the administrator's mobile at submission; resend after 60 s; confirm. */
export function StepSms() {
  const t = useT();
  const { message } = App.useApp();
  const submission = useRegistration((s) => s.draft.submission);
  const codeResent = useRegistration((s) => s.codeResent);
  const finish = useRegistration((s) => s.finish);
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (!submission) return null;
  const wait = Math.max(0, RESEND_SECONDS - Math.floor((now - submission.codeSentAt) / 1000));
  const codeOk = /^[0-9]{6}$/.test(code);

  const resend = async () => {
    setError(null);
    const r = await call((api) => api.registration.resendCode({ registrationId: submission.registrationId }));
    if (r.ok) {
      codeResent(r.value);
      setNow(Date.now());
      void message.success(t('reg.sms.resent'));
    } else {
      setError(r.error);
    }
  };

  const confirm = async () => {
    setTouched(true);
    if (!codeOk) return;
    setBusy(true);
    setError(null);
    const r = await call((api) => api.registration.confirm({ registrationId: submission.registrationId, code }));
    setBusy(false);
    if (r.ok) await finish(r.value);
    else setError(r.error);
  };

  return (
    <div style={{ maxWidth: 520 }}>
      <Typography.Paragraph role="status">{t('reg.sms.sent', { mobile: masked(submission.mobile) })}</Typography.Paragraph>
      <Form layout="vertical" requiredMark={false} onFinish={() => void confirm()}>
        <Form.Item
          label={t('reg.sms.code')}
          htmlFor="reg-sms-code"
          validateStatus={touched && !codeOk ? 'error' : undefined}
          help={touched && !codeOk ? t('reg.sms.codeFormat') : undefined}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Input
              id="reg-sms-code"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              style={{ letterSpacing: 4 }}
            />
            <Button disabled={wait > 0} onClick={() => void resend()}>
              {wait > 0 ? t('reg.sms.resendIn', { seconds: wait }) : t('reg.sms.resend')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <ErrorAlert
          error={error}
          onRetry={() => void confirm()}
          extra={
            error?.code === 'REGISTRATION_NOT_PENDING' ? (
              <Button size="small" onClick={() => void useRegistration.getState().startOver()}>
                {t('reg.startOver')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
        <Button type="primary" size="large" htmlType="submit" loading={busy}>
          {t('reg.sms.confirm')}
        </Button>
      </Form>
    </div>
  );
}
