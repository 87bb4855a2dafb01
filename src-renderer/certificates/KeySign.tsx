import { Alert, Button, Form, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { AppError, Result } from '@shared/contract/result';
import type { TokenCertificate } from '@shared/contract/token';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n/store';
import { call } from '../platform';
import { useTokens } from '../state/tokens';
import { CertificateList } from './CertificateList';
import { ineligibility } from './eligibility';
import { alreadySigned, attemptInput, chosenKey, keepsPin, whyNotReady, type KeyPurpose, type KnownEnterprise } from './key-sign';
import { PinField } from './PinField';

/**
 * The one key-and-PIN step of every flow (CA login, registration, subsidy, and the flows after them): the keys
 * plugged in (another enterprise's shown but not selectable, the only usable one preselected), the PIN or the PIN
 * pad, busy with cancel, the error with its retry. The PIN lives here only until the attempt starts. When main says
 * the envelope is already signed (`details.signed`), the retry sends it again without asking for the PIN.
 */
export function KeySign<T>(props: {
  purpose: KeyPurpose;
  /** The enterprise the signature is for. */
  expectedUscc?: string | null;
  /** The key picked earlier in the flow, chosen when usable. */
  preferred?: string | null;
  /** CA login: the enterprise the clerk last signed in as (its key is preselected, never another company's). */
  enterprise?: KnownEnterprise | null;
  /** Only these keys are offered (registration: the CA chosen in step 1). */
  offered?(cert: TokenCertificate): boolean;
  pinId: string;
  submitLabel: string;
  /** Signs (or signs in) with the key; the flow acts on a success itself. */
  action(fingerprint: string, pin?: string): Promise<Result<T>>;
  /** Asked before each attempt; false stops it (the flow shows why). */
  ready?(): boolean;
  /** A way out the flow offers for an error (e.g. 前往登录). */
  errorExtra?(error: AppError): ReactNode;
  /** Fields of the flow asked with the key, before the PIN (CA login's account). */
  fields?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const all = useTokens((s) => s.certificates);
  const certificates = props.offered ? all.filter(props.offered) : all;
  const lastUsed = useTokens((s) => s.lastUsed);
  const refusals = useTokens((s) => s.refusals);
  const [selected, setSelected] = useState<string | null>(null);
  // The key the clerk saw chosen (picked or preselected): if it leaves the list, that is said (issue 21 item 5).
  const [shown, setShown] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [pinTouched, setPinTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const picked = chosenKey(certificates, {
    purpose: props.purpose,
    expectedUscc: props.expectedUscc ?? null,
    selected,
    preferred: props.preferred ?? null,
    lastUsed,
    enterprise: props.enterprise ?? null,
  });
  const { chosen } = picked;
  const removed = picked.removed || (chosen === undefined && shown !== null && !certificates.some((c) => c.fingerprint === shown));
  // Adjusting state while rendering (React's pattern for state derived from changing input), not in an effect.
  if (chosen && shown !== chosen.fingerprint) setShown(chosen.fingerprint);
  const blocked = chosen ? ineligibility(chosen, props.purpose, props.expectedUscc) : null;
  const notReady = busy ? null : whyNotReady({ chosen, blocked, removed, none: certificates.length === 0 });
  // What an attempt reports when its key went away mid-way (which one depends on when the service noticed).
  const pulledOut = error?.code === 'TOKEN_REMOVED' || error?.code === 'CERT_NOT_FOUND';

  const attempt = async () => {
    setPinTouched(true);
    if (props.ready && !props.ready()) return;
    if (!chosen || blocked) return;
    const input = attemptInput(chosen, pin, error);
    if (!input) return;
    // The PIN leaves state as the attempt starts; it comes back only when the driver, not the PIN, failed.
    setPin('');
    setPinTouched(false);
    setBusy(true);
    setError(null);
    const r = await props.action(input.fingerprint, input.pin);
    useTokens.getState().attempted(input.fingerprint, r);
    setBusy(false);
    setError(r.ok ? null : r.error);
    if (!r.ok && keepsPin(r.error) && input.pin !== undefined) setPin(input.pin);
  };

  return (
    <Form layout="vertical" requiredMark={false} onFinish={() => void attempt()}>
      <Form.Item label={t('ca.list.label')}>
        <CertificateList
          certificates={certificates}
          value={chosen?.fingerprint ?? null}
          onChange={(f) => {
            setSelected(f);
            setPin('');
            setError(null);
          }}
          purpose={props.purpose}
          expectedUscc={props.expectedUscc ?? null}
          refusals={refusals}
          disabled={busy}
        />
      </Form.Item>
      {props.fields}
      {/* A pulled key is said once: that it was the chosen one, whether or not an attempt ran into it. */}
      {removed && <Alert type="warning" showIcon title={t('ca.removed')} style={{ marginBottom: 16 }} />}
      {chosen && blocked && <ErrorAlert error={blocked} style={{ marginBottom: 16 }} />}
      {/* An attempt's error the key's own state says already (a lock) is said once. */}
      {error && !(removed && pulledOut) && error.code !== blocked?.code && <ErrorAlert error={error} onRetry={() => void attempt()} extra={props.errorExtra?.(error)} style={{ marginBottom: 16 }} />}
      {chosen && !blocked && !alreadySigned(error) && (
        <PinField
          certificate={chosen}
          id={props.pinId}
          value={pin}
          onChange={(value) => {
            // Typing a PIN commits to this key (see chosenKey).
            setSelected(chosen.fingerprint);
            setPin(value);
          }}
          touched={pinTouched}
          disabled={busy}
        />
      )}
      {busy && <Alert type="info" showIcon title={t('ca.working')} style={{ marginBottom: 16 }} />}
      <Space>
        <Button type="primary" size="large" htmlType="submit" loading={busy} disabled={!chosen || !!blocked} aria-describedby={notReady ? `${props.pinId}-why` : undefined}>
          {props.submitLabel}
        </Button>
        {/* A disabled button says why (issue 21 item 5): no key, the key pulled out, or the key refused. */}
        {notReady && (
          <Typography.Text id={`${props.pinId}-why`} type="secondary" data-testid="key-sign-why">
            {t(notReady)}
          </Typography.Text>
        )}
        {busy && chosen?.pin.pinPad && <Button onClick={() => void call((api) => api.tokens.cancel({}))}>{t('ca.cancel')}</Button>}
      </Space>
      {props.children}
    </Form>
  );
}
