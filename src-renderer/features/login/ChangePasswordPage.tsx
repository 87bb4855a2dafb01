import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { palette } from '@shared/ui/palette';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';
import { meetsPolicy, passwordChecks } from './password-policy';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The forced first-login change of the initial password sent by SMS; each policy rule ticks off as you type. */
export function ChangePasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const session = useSession((s) => s.session);
  const signedIn = useSession((s) => s.signedIn);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const username = session?.username ?? '';
  const checks = passwordChecks(newPassword, username);

  const onFinish = async (values: Fields) => {
    setBusy(true);
    setError(null);
    const r = await call((api) => api.auth.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }));
    setBusy(false);
    if (r.ok) {
      void message.success(t('password.changed'));
      signedIn(r.value);
    } else {
      setError(r.error);
    }
  };

  const rule = (met: boolean, text: string) => (
    <li style={{ color: met ? palette.success : palette.textHint, listStyle: 'none', margin: '2px 0' }}>
      {met ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />} {text}
      <span className="visually-hidden">{met ? t('password.rule.met') : t('password.rule.unmet')}</span>
    </li>
  );

  return (
    <Card style={{ maxWidth: 560, margin: '24px auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
        {t('password.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('password.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)} disabled={busy}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('login.required.password') }]}>
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            { required: true, message: t('login.required.password') },
            { validator: async (_, v: string | undefined) => (!v || meetsPolicy(v, username) ? undefined : Promise.reject(new Error(t('password.policyUnmet')))) },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={64} aria-describedby="password-rules" />
        </Form.Item>
        <div id="password-rules" style={{ background: '#f6f8fb', borderRadius: 4, padding: '8px 12px', marginBottom: 16 }}>
          <Typography.Text strong>{t('password.rules')}</Typography.Text>
          <ul style={{ padding: 0, margin: '4px 0 0' }}>
            {rule(checks.length, t('password.rule.length'))}
            {rule(checks.classes, t('password.rule.classes'))}
            {rule(checks.notUsername && newPassword.length > 0, t('password.rule.username'))}
          </ul>
        </div>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('login.required.password') },
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) =>
                !v || v === getFieldValue('newPassword') ? undefined : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
        {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
