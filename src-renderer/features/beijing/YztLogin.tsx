import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { PlatformProfile } from '@shared/contract/http/beijing';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { CaptchaField, useCaptchaSignIn } from '../login/CaptchaField';
import { YztRecovery } from './YztRecovery';

interface Fields {
  username: string;
  password: string;
  captchaAnswer: string;
}

/** 口令登录 with the 一证通 account (manual 004 步骤4): binds the enterprise (已认证), or says who holds it. */
export function YztLogin(props: { username: string; onDone(p: PlatformProfile): void; onRefused(e: AppError): void }) {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const [forgot, setForgot] = useState(false);
  const { captchaState, error, busy, submit } = useCaptchaSignIn(
    form,
    async (v: Fields, captchaId) => {
      const r = await call((api) => api.beijing.yztLogin({ username: v.username.trim(), password: v.password, captchaId, captchaAnswer: v.captchaAnswer.trim() }));
      if (!r.ok) props.onRefused(r.error);
      return r;
    },
    props.onDone,
  );
  return (
    <Card title={t('bj.yzt.title')} data-testid="bj-yzt">
      <Typography.Paragraph>{t('bj.home.verifiedNotBound', { username: props.username })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('bj.yzt.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy} initialValues={{ username: props.username }} style={{ maxWidth: 480 }}>
        <Form.Item name="username" label={t('bj.yzt.username')} rules={[{ required: true, whitespace: true, message: t('bj.required') }]}>
          <Input maxLength={32} autoComplete="username" data-testid="bj-yzt-username" />
        </Form.Item>
        <Form.Item name="password" label={t('bj.yzt.password')} rules={[{ required: true, message: t('bj.required.password') }]}>
          <Input.Password maxLength={64} autoComplete="current-password" data-testid="bj-yzt-password" />
        </Form.Item>
        <CaptchaField state={captchaState} />
        {error?.code !== 'ENTERPRISE_BOUND' && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!captchaState.captcha} data-testid="bj-yzt-submit">
          {t('bj.yzt.submit')}
        </Button>
        <Button type="link" onClick={() => setForgot(true)} data-testid="bj-yzt-forgot">
          {t('bj.yzt.forgot')}
        </Button>
      </Form>
      {forgot && <YztRecovery onDone={() => setForgot(false)} />}
    </Card>
  );
}
