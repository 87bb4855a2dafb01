import { Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
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
  // The enterprise and username this PC remembers from the last sign-in (issue 21 item 15); an expired session's win.
  const [remembered, setRemembered] = useState(false);
  useEffect(() => {
    if (again) return;
    let live = true;
    void call((api) => api.rememberedSignIn.get({})).then((r) => {
      if (!live || !r.ok || !r.value) return;
      const touched = form.isFieldsTouched(['enterprise', 'username']);
      if (touched) return;
      form.setFieldsValue({ enterprise: r.value.enterprise, username: r.value.username });
      setRemembered(true);
    });
    return () => {
      live = false;
    };
  }, [again, form]);
  const forget = () => {
    void call((api) => api.rememberedSignIn.forget({}));
    form.setFieldsValue({ enterprise: '', username: '' });
    setRemembered(false);
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} initialValues={again ? { enterprise: again.enterprise, username: again.username } : undefined} onFinish={(v) => void submit(v)} disabled={busy}>
      <Form.Item name="enterprise" label={t('login.field.enterprise')} rules={[{ required: true, whitespace: true, message: t('login.required.enterprise') }]}>
        <Input autoComplete="organization" maxLength={200} />
      </Form.Item>
      <Form.Item name="username" label={t('login.field.username')} rules={[{ required: true, whitespace: true, message: t('login.required.username') }]}>
        <Input autoComplete="username" maxLength={64} />
      </Form.Item>
      {remembered && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }} data-testid="login-remembered">
          {t('forms.login.remembered')}{' '}
          <Button type="link" size="small" style={{ padding: 0 }} onClick={forget}>
            {t('forms.login.forget')}
          </Button>
        </Typography.Paragraph>
      )}
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
