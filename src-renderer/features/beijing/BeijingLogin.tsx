import { Button, Card, Form, Input, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { CaptchaField, useCaptchaSignIn } from '../login/CaptchaField';

interface Fields {
  mobile: string;
  password: string;
  captchaAnswer: string;
}

/** 登录 of the Beijing SME platform (manual 004 方式一 步骤1): mobile, password, captcha. */
export function BeijingLogin() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const [form] = Form.useForm<Fields>();
  const { captchaState, error, busy, submit } = useCaptchaSignIn(
    form,
    (v: Fields, captchaId) => call((api) => api.beijing.login({ mobile: v.mobile.trim(), password: v.password, captchaId, captchaAnswer: v.captchaAnswer.trim() })),
    () => go('beijing-home'),
  );
  return (
    <Card style={{ maxWidth: 520, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22, textAlign: 'center' }}>
        {t('bj.title')}
      </Typography.Title>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('bj.login.title')}
      </Typography.Title>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy}>
        <Form.Item name="mobile" label={t('bj.field.mobile')} rules={[{ required: true, whitespace: true, message: t('bj.required.mobile') }]}>
          <Input autoComplete="tel" inputMode="tel" maxLength={20} data-testid="bj-login-mobile" />
        </Form.Item>
        <Form.Item name="password" label={t('bj.field.password')} rules={[{ required: true, message: t('bj.required.password') }]}>
          <Input.Password autoComplete="current-password" maxLength={64} data-testid="bj-login-password" />
        </Form.Item>
        <CaptchaField state={captchaState} />
        <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!captchaState.captcha} data-testid="bj-login-submit">
          {t('bj.login.submit')}
        </Button>
      </Form>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => go('beijing-register')} data-testid="bj-to-register">
          {t('bj.login.toRegister')}
        </Button>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => go('login')}>
          {t('nav.toLogin')}
        </Button>
      </div>
    </Card>
  );
}
