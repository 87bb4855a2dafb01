import { Alert, Button, Form, Space } from 'antd';
import { useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { CertificateList } from '../../certificates/CertificateList';
import { ineligibility, pinProblem } from '../../certificates/eligibility';
import { PinField } from '../../certificates/PinField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';
import { findCertificate, useTokens } from '../../state/tokens';

/** CA 登录: choose a plugged-in key, type its PIN (or use its PIN pad), sign the server's challenge. */
export function KeyLogin() {
  const t = useT();
  const certificates = useTokens((s) => s.certificates);
  const signedIn = useSession((s) => s.signedIn);
  const [selected, setSelected] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [pinTouched, setPinTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  // The clerk's choice; before any choice, the first usable key, so one key means no extra click. A chosen key that
  // is pulled out is never silently swapped for another: the PIN typed for it must not go to a different key.
  const chosen =
    selected === null ? certificates.find((c) => ineligibility(c, 'login') === null) : findCertificate(certificates, selected);
  const chosenRemoved = selected !== null && chosen === undefined;
  const usable = chosen !== undefined && ineligibility(chosen, 'login') === null;
  const problem = chosen ? pinProblem(chosen, pin) : null;

  const submit = async () => {
    setPinTouched(true);
    if (!chosen || !usable || problem) return;
    setBusy(true);
    setError(null);
    const r = await call((api) =>
      api.auth.loginWithKey(chosen.pin.pinPad ? { fingerprint: chosen.fingerprint } : { fingerprint: chosen.fingerprint, pin }),
    );
    setBusy(false);
    setPin('');
    setPinTouched(false);
    if (r.ok) signedIn(r.value);
    else setError(r.error);
  };

  return (
    <Form layout="vertical" requiredMark={false} onFinish={() => void submit()}>
      <Form.Item label={t('ca.list.label')}>
        <CertificateList
          certificates={certificates}
          value={chosen?.fingerprint ?? null}
          onChange={(f) => {
            setSelected(f);
            setPin('');
            setError(null);
          }}
          purpose="login"
          disabled={busy}
        />
      </Form.Item>
      {chosen && usable && (
          <PinField
            certificate={chosen}
            id="ca-login-pin"
            value={pin}
            onChange={(value) => {
              // Typing a PIN commits to this key (see `chosen`).
              setSelected(chosen.fingerprint);
              setPin(value);
            }}
            touched={pinTouched}
            disabled={busy}
          />
      )}
      {chosenRemoved && !error && <Alert type="warning" showIcon title={t('ca.removed')} style={{ marginBottom: 16 }} />}
      {error && <ErrorAlert error={error} onRetry={() => void submit()} style={{ marginBottom: 16 }} />}
      {busy && <Alert type="info" showIcon title={t('ca.working')} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!usable}>
          {t('login.submit')}
        </Button>
        {busy && chosen?.pin.pinPad && (
          <Button block onClick={() => void call((api) => api.tokens.cancel({}))}>
            {t('ca.cancel')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
