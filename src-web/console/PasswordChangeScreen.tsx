/** First sign-in of a bootstrapped or reset staff account: a new password before anything else. */
import { Button, Card, Form, Input, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { changePasswordBodySchema, staffChangePasswordRoute } from '@shared/contract/http/auth';
import { checkForm, contractRule } from '@shared/forms';
import { serverErrors } from '@shared/errors/server';
import { call } from './api';
import { ErrorAlert } from './ErrorAlert';
import { useLang, useT } from './i18n';
import { useSession } from './session';

/** The route's body, and the new password typed a second time. */
type PasswordForm = z.input<typeof changePasswordBodySchema> & { confirm: string };

export function PasswordChangeScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const signIn = useSession((s) => s.signIn);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      signIn(await call(staffChangePasswordRoute, { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // The route's body schema checks the two passwords; only "typed the same twice" is this screen's own.
  const rule = (path: string) => contractRule((v: PasswordForm) => checkForm(changePasswordBodySchema, { currentPassword: v.currentPassword ?? '', newPassword: v.newPassword ?? '' }).issues, path, lang) as FormRule;
  return (
    <main className="console-centered">
      <Card style={{ width: 440 }}>
        <Typography.Title level={3}>{t('password.title')}</Typography.Title>
        <Typography.Paragraph>{t('password.intro')}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form layout="vertical" onFinish={submit} requiredMark={false} style={{ marginTop: 16 }}>
          <Form.Item label={t('password.current')} name="currentPassword" rules={[rule('currentPassword')]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item label={t('password.new')} name="newPassword" rules={[rule('newPassword')]} extra={serverErrors.PASSWORD_POLICY.message[lang]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
