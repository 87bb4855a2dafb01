import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { RenewalPending } from '@shared/contract/http/renewal';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';

/**
 * The step after a CA login with a renewed key (RENEWAL_NEEDS_CONFIRMATION, src-server domain/renewal-confirmation.ts):
 * the code went to the administrator's masked mobile; typed here, it binds the new key and signs in.
 */
export function RenewalConfirm(props: { pending: RenewalPending; onBack: () => void }) {
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const valid = /^\d{6}$/.test(code);
  const submit = async () => {
    setBusy(true);
    const r = await call((api) => api.auth.confirmRenewal({ confirmationId: props.pending.confirmationId, code }));
    setBusy(false);
    if (r.ok) signedIn(r.value);
    else setError(r.error);
  };
  return (
    <Form layout="vertical" onFinish={() => void submit()} data-testid="renewal-confirm">
      <Alert type="info" showIcon title={t('trustCare.renewal.title')} description={t('trustCare.renewal.sent', { mobile: props.pending.mobile })} style={{ marginBottom: 16 }} />
      <Form.Item label={t('trustCare.renewal.code')} htmlFor="renewal-code" extra={code && !valid ? t('trustCare.renewal.codeFormat') : undefined}>
        <Input id="renewal-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.trim())} />
      </Form.Item>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!valid}>
          {t('trustCare.renewal.confirm')}
        </Button>
        <Button onClick={props.onBack}>{t('trustCare.renewal.back')}</Button>
      </Space>
    </Form>
  );
}
