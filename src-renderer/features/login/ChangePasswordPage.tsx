import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';
import { PasswordFields } from './PasswordFields';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The forced first-login change of the initial password sent by SMS; each policy rule ticks off as you type (PasswordFields). */
export function ChangePasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const session = useSession((s) => s.session);
  const signedIn = useSession((s) => s.signedIn);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const username = session?.username ?? '';

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
        <PasswordFields form={form} username={username} />
        {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
