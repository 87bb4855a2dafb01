/** Staff sign-in: username, password and the image captcha (click the image for a new one). */
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { captchaRoute, staffLoginRoute } from '@shared/contract/http/auth';
import { serverErrors } from '@shared/errors/server';
import { call } from './api';
import { ErrorAlert } from './ErrorAlert';
import { useLang, useT } from './i18n';
import { useSession } from './session';
import { useRemote } from './use-remote';

interface Captcha {
  captchaId: string;
  image: string;
}

interface LoginForm {
  username: string;
  password: string;
  answer: string;
}

export function LoginScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<LoginForm>();
  const signIn = useSession((s) => s.signIn);
  const expired = useSession((s) => s.endedBecauseExpired);
  const loadCaptcha = useCallback(() => call(captchaRoute), []);
  const { data: captcha, error: captchaError, reload } = useRemote<Captcha>(loadCaptcha, 'captcha');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => {
    form.setFieldValue('answer', '');
    reload();
  };

  const submit = async (values: LoginForm) => {
    if (!captcha) return;
    setBusy(true);
    setError(null);
    try {
      signIn(
        await call(staffLoginRoute, {
          body: { username: values.username, password: values.password, captcha: { captchaId: captcha.captchaId, answer: values.answer } },
        }),
      );
    } catch (e) {
      setError(e);
      // A captcha is good for one attempt.
      refresh();
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('login.required', { field }) }];
  return (
    <main className="console-centered">
      <Card style={{ width: 400 }}>
        <Typography.Title level={3}>{t('app.title')}</Typography.Title>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {expired ? <Alert type="info" showIcon title={serverErrors.SESSION_EXPIRED.message[lang]} /> : null}
          <ErrorAlert error={error ?? captchaError} />
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item label={t('login.username')} name="username" rules={required(t('login.username'))}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={required(t('login.password'))}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item label={t('login.captcha')} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="answer" noStyle rules={required(t('login.captcha'))}>
                  <Input aria-label={t('login.captcha')} autoComplete="off" />
                </Form.Item>
                <Button aria-label={t('login.captchaRefresh')} title={t('login.captchaRefresh')} onClick={refresh} style={{ padding: 0, height: 'auto' }}>
                  {captcha ? <img src={captcha.image} alt={t('login.captchaImage')} height={30} /> : '…'}
                </Button>
              </Space.Compact>
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        </Space>
      </Card>
    </main>
  );
}
