import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { platformRegisterBodySchema } from '@shared/contract/http/beijing';
import type { AppError } from '@shared/contract/result';
import { maskMobile } from '@shared/validation/mobile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { CaptchaField, useCaptcha } from '../login/CaptchaField';
import { useContractField } from './fields';

interface Fields {
  mobile: string;
  captchaAnswer: string;
  code: string;
  password: string;
  nickname: string;
  userType: 'personal' | 'enterprise';
}

/**
 * 注册 (manual 004 方式二 步骤1): mobile + 获取验证码 (after the captcha), the code, a password of 6-20 letters and
 * digits, a nickname and the user type. One mobile, one account — said before anyone registers a second one.
 */
export function BeijingRegister() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const [form] = Form.useForm<Fields>();
  const captcha = useCaptcha();
  const field = useContractField(platformRegisterBodySchema);
  const [codeId, setCodeId] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const sendCode = async () => {
    const { mobile, captchaAnswer } = form.getFieldsValue(['mobile', 'captchaAnswer']) as Fields;
    if (!captcha.captcha || !mobile || !captchaAnswer) {
      void form.validateFields(['mobile', 'captchaAnswer']);
      return;
    }
    setBusy(true);
    const r = await call((api) => api.beijing.sendCode({ mobile: mobile.trim(), captchaId: captcha.captcha!.captchaId, captchaAnswer: captchaAnswer.trim() }));
    setBusy(false);
    form.setFieldsValue({ captchaAnswer: '' });
    void captcha.refresh();
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setCodeId(r.value.codeId);
      setSentTo(maskMobile(mobile));
    }
  };

  // The captcha belongs to 获取验证码 only (spent there): registering checks every other field.
  const register = async () => {
    if (!codeId) return;
    const v = await form.validateFields(['mobile', 'code', 'password', 'nickname', 'userType']).catch(() => null);
    if (!v) return;
    setBusy(true);
    const r = await call((api) => api.beijing.register({ mobile: v.mobile, codeId, code: v.code, password: v.password, nickname: v.nickname, userType: v.userType }));
    setBusy(false);
    if (r.ok) go('beijing-home');
    else setError(r.error);
  };

  return (
    <Card style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22, textAlign: 'center' }}>
        {t('bj.register.title')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('bj.register.oneMobile')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark={false} disabled={busy} initialValues={{ userType: 'enterprise' }}>
        {field(['mobile'], 'bj.field.mobile', <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="bj-reg-mobile" />)}
        <CaptchaField state={captcha} />
        <Space style={{ marginBottom: 16 }} wrap>
          <Button onClick={() => void sendCode()} data-testid="bj-reg-send-code">
            {t('bj.sendCode')}
          </Button>
          {sentTo && <Typography.Text data-testid="bj-reg-code-sent">{t('bj.codeSent', { mobile: sentTo })}</Typography.Text>}
        </Space>
        {field(['code'], 'bj.field.code', <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="bj-reg-code" />)}
        {field(['password'], 'bj.field.password', <Input.Password autoComplete="new-password" maxLength={20} data-testid="bj-reg-password" />, t('bj.field.passwordHint'))}
        {field(['nickname'], 'bj.field.nickname', <Input maxLength={20} data-testid="bj-reg-nickname" />)}
        <Form.Item name="userType" label={t('bj.field.userType')}>
          <Radio.Group>
            <Radio value="personal">{t('bj.userType.personal')}</Radio>
            <Radio value="enterprise">{t('bj.userType.enterprise')}</Radio>
          </Radio.Group>
        </Form.Item>
        <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Button type="primary" block size="large" loading={busy} disabled={!codeId} onClick={() => void register()} data-testid="bj-reg-submit">
          {t('bj.register.submit')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          {t('bj.register.agreement')}
        </Typography.Paragraph>
      </Form>
      <Button type="link" style={{ paddingInline: 0 }} onClick={() => go('beijing-login')}>
        {t('bj.toLogin')}
      </Button>
    </Card>
  );
}
