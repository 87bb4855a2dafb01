import { Button, Form, Input } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';
import { firstCaptcha } from './captcha-prefetch';
import { CaptchaInput, type Captcha } from './CaptchaInput';

interface Fields {
  enterprise: string;
  username: string;
  password: string;
  captchaAnswer: string;
}

/** 账号登录: enterprise, username, password, captcha (one guess per image: refreshed after every failure). */
export function AccountLogin() {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const signedIn = useSession((s) => s.signedIn);
  // After an expired session, who was signed in: only the password and captcha are asked again.
  const [again] = useState(() => useSession.getState().expired);
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [captchaError, setCaptchaError] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const refreshCaptcha = useCallback(async (first = false) => {
    setCaptcha(null);
    const r = await (first ? firstCaptcha() : call((api) => api.auth.captcha({})));
    if (r.ok) {
      setCaptcha({ captchaId: r.value.captchaId, image: r.value.image });
      setCaptchaError(null);
    } else {
      setCaptchaError(r.error);
    }
  }, []);

  useEffect(() => {
    // Fetching the first captcha is the effect's whole job; its state updates land after the await.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refreshCaptcha(true);
  }, [refreshCaptcha]);

  const onFinish = async (values: Fields) => {
    if (!captcha) return;
    setBusy(true);
    setError(null);
    const r = await call((api) =>
      api.auth.login({
        enterprise: values.enterprise.trim(),
        username: values.username.trim(),
        password: values.password,
        captchaId: captcha.captchaId,
        captchaAnswer: values.captchaAnswer.trim(),
      }),
    );
    setBusy(false);
    if (r.ok) {
      signedIn(r.value);
      return;
    }
    setError(r.error);
    form.setFieldsValue({ captchaAnswer: '', ...(r.error.code === 'LOGIN_FAILED' ? { password: '' } : {}) });
    void refreshCaptcha();
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} initialValues={again ? { enterprise: again.enterprise, username: again.username } : undefined} onFinish={(v) => void onFinish(v)} disabled={busy}>
      <Form.Item name="enterprise" label={t('login.field.enterprise')} rules={[{ required: true, whitespace: true, message: t('login.required.enterprise') }]}>
        <Input autoComplete="organization" maxLength={200} />
      </Form.Item>
      <Form.Item name="username" label={t('login.field.username')} rules={[{ required: true, whitespace: true, message: t('login.required.username') }]}>
        <Input autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item name="password" label={t('login.field.password')} rules={[{ required: true, message: t('login.required.password') }]}>
        <Input.Password autoComplete="current-password" maxLength={256} />
      </Form.Item>
      <Form.Item name="captchaAnswer" label={t('login.field.captcha')} rules={[{ required: true, whitespace: true, message: t('login.required.captcha') }]}>
        <CaptchaInput captcha={captcha} loading={!captchaError} onRefresh={() => void refreshCaptcha()} />
      </Form.Item>
      {captchaError && <ErrorAlert error={captchaError} onRetry={() => void refreshCaptcha()} style={{ marginBottom: 16 }} />}
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!captcha}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
