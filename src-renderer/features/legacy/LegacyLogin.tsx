import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { CaptchaField, useCaptchaSignIn } from '../login/CaptchaField';

interface Fields {
  username: string;
  password: string;
  captchaAnswer: string;
}

/**
 * 企服平台账号登录 (manual 000): the old hub's accounts during the transition. Says that new hub accounts are no
 * longer registered; an upgraded account is told which one-stop account to use instead.
 */
export function LegacyLogin() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const [form] = Form.useForm<Fields>();
  const { captchaState, error, busy, submit } = useCaptchaSignIn(
    form,
    (values: Fields, captchaId) =>
      call((api) => api.legacy.login({ username: values.username.trim(), password: values.password, captchaId, captchaAnswer: values.captchaAnswer.trim() })),
    () => go('legacy-home'),
  );
  const { captcha } = captchaState;

  const upgradedTo = error?.code === 'LEGACY_ALREADY_UPGRADED' ? error.issues?.find((i) => i.code === 'upgraded_to')?.params?.username : undefined;

  return (
    <Card style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22, textAlign: 'center' }}>
        {t('legacy.login.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('legacy.login.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon data-testid="legacy-registration-closed" title={t('legacy.login.registrationClosed')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy}>
        <Form.Item name="username" label={t('legacy.field.username')} rules={[{ required: true, whitespace: true, message: t('legacy.required.username') }]}>
          <Input autoComplete="username" maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t('legacy.field.password')} rules={[{ required: true, message: t('legacy.required.password') }]}>
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <CaptchaField state={captchaState} />
        {error && (
          <ErrorAlert
            error={error}
            {...(upgradedTo ? { title: t('legacy.upgradedTo', { username: upgradedTo }) } : {})}
            extra={
              error.code === 'LEGACY_ALREADY_UPGRADED' || error.code === 'LEGACY_LOGIN_CLOSED' ? (
                <Button size="small" type="primary" data-testid="legacy-to-login" onClick={() => go('login')}>
                  {t('legacy.toOneStopLogin')}
                </Button>
              ) : undefined
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!captcha} data-testid="legacy-login-submit">
          {t('legacy.login.submit')}
        </Button>
      </Form>
      <Button type="link" style={{ marginTop: 12, paddingInline: 0 }} onClick={() => go('login')}>
        {t('nav.toLogin')}
      </Button>
    </Card>
  );
}
