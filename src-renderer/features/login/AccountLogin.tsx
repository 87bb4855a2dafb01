import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';
import { CaptchaField, useCaptchaSignIn } from './CaptchaField';

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
  const { captchaState, error, busy, submit } = useCaptchaSignIn(
    form,
    (values: Fields, captchaId) =>
      call((api) =>
        api.auth.login({
          enterprise: values.enterprise.trim(),
          username: values.username.trim(),
          password: values.password,
          captchaId,
          captchaAnswer: values.captchaAnswer.trim(),
        }),
      ),
    signedIn,
  );
  const { captcha } = captchaState;

  return (
    <Form form={form} layout="vertical" requiredMark={false} initialValues={again ? { enterprise: again.enterprise, username: again.username } : undefined} onFinish={(v) => void submit(v)} disabled={busy}>
      <Form.Item name="enterprise" label={t('login.field.enterprise')} rules={[{ required: true, whitespace: true, message: t('login.required.enterprise') }]}>
        <Input autoComplete="organization" maxLength={200} />
      </Form.Item>
      <Form.Item name="username" label={t('login.field.username')} rules={[{ required: true, whitespace: true, message: t('login.required.username') }]}>
        <Input autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item name="password" label={t('login.field.password')} rules={[{ required: true, message: t('login.required.password') }]}>
        <Input.Password autoComplete="current-password" maxLength={256} />
      </Form.Item>
      <CaptchaField state={captchaState} />
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!captcha}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
