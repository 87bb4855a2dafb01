import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { yztPasswordResetRoute } from '@shared/contract/http/beijing';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useContractField } from './fields';

/** 一证通 忘记密码 on the PC (manual 004 Q&A 2 and 4): a code to this account's mobile, then a new password. */
export function YztRecovery(props: { onDone(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ code: string; password: string }>();
  const field = useContractField(yztPasswordResetRoute.body);
  const [sent, setSent] = useState<{ codeId: string; mobile: string } | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const send = async () => {
    const r = await call((api) => api.beijing.yztPasswordCode({}));
    setError(r.ok ? null : r.error);
    if (r.ok) setSent({ codeId: r.value.codeId, mobile: r.value.mobile });
  };
  const reset = async (v: { code: string; password: string }) => {
    if (!sent) return;
    const r = await call((api) => api.beijing.yztPasswordReset({ codeId: sent.codeId, code: v.code, password: v.password }));
    setError(r.ok ? null : r.error);
    if (r.ok) setDone(true);
  };

  return (
    <div style={{ marginTop: 16, maxWidth: 480 }} data-testid="bj-recovery">
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('bj.recovery.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bj.recovery.intro')}</Typography.Paragraph>
      {done ? (
        <Alert type="success" showIcon title={t('bj.recovery.done')} action={<Button onClick={props.onDone}>{t('bj.yzt.submit')}</Button>} />
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void reset(v)}>
          <Button onClick={() => void send()} style={{ marginBottom: 16 }} data-testid="bj-recovery-send">
            {t('bj.recovery.send')}
          </Button>
          {sent && <Typography.Paragraph>{t('bj.codeSent', { mobile: sent.mobile })}</Typography.Paragraph>}
          {field(['code'], 'bj.field.code', <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />)}
          {field(['password'], 'bj.recovery.newPassword', <Input.Password maxLength={20} autoComplete="new-password" />, t('bj.field.passwordHint'))}
          <ErrorAlert error={error} style={{ marginBottom: 16 }} />
          <Button type="primary" htmlType="submit" disabled={!sent}>
            {t('bj.recovery.submit')}
          </Button>
        </Form>
      )}
    </div>
  );
}
