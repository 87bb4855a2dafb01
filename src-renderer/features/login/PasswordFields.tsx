import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Form, Input, Typography, type FormInstance } from 'antd';
import { palette } from '@shared/ui/palette';
import { useT } from '../../i18n/store';
import { meetsPolicy, passwordChecks } from './password-policy';

/**
 * 新密码 + 确认新密码 with the policy's rules ticking off as the clerk types: the forced first-login change and
 * 忘记密码's new password are the same fields (`newPassword`, `confirm`) in the caller's form.
 */
export function PasswordFields({ form, username }: { form: FormInstance; username: string }) {
  const t = useT();
  const newPassword = (Form.useWatch('newPassword', form) as string | undefined) ?? '';
  const checks = passwordChecks(newPassword, username);
  const rule = (met: boolean, text: string) => (
    <li style={{ color: met ? palette.success : palette.textHint, listStyle: 'none', margin: '2px 0' }}>
      {met ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />} {text}
      <span className="visually-hidden">{met ? t('password.rule.met') : t('password.rule.unmet')}</span>
    </li>
  );
  return (
    <>
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
    </>
  );
}
