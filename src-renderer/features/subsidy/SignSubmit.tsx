import { Alert, Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import type { AppError } from '@shared/contract/result';
import { CertificateList } from '../../certificates/CertificateList';
import { ineligibility, pinProblem } from '../../certificates/eligibility';
import { PinField } from '../../certificates/PinField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { submissionContent, useSubsidyApplication } from '../../state/subsidy-application';
import { submission } from '../../state/subsidy-form';
import { findCertificate, useTokens } from '../../state/tokens';

/**
 * 确认提交: choose the enterprise's CA key (its USCC must be the enterprise's) and the PIN, then main signs the
 * canonical JSON of the form with every attachment hash and submits it. The idempotency key is fixed for the content
 * before signing, so a retry (timeout, pulled key, lost answer) is the same submission.
 */
export function SignSubmit(props: { app: SubsidyApplicationView; ready: boolean; onBlocked(): void; onDone(app: SubsidyApplicationView): void }) {
  const t = useT();
  const certificates = useTokens((s) => s.certificates);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [pinTouched, setPinTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const uscc = props.app.enterprise.uscc;
  const resubmit = props.app.status === 'returned';

  const cert = findCertificate(certificates, fingerprint);
  const wrongEnterprise = cert && cert.uscc !== null && cert.uscc !== uscc;
  const blocked = cert ? ineligibility(cert, 'registration') : null;

  const submit = async () => {
    setPinTouched(true);
    if (!props.ready) {
      props.onBlocked();
      return;
    }
    if (!cert || blocked || wrongEnterprise || pinProblem(cert, pin)) return;
    const state = useSubsidyApplication.getState();
    const body = submission(state.form);
    const idempotencyKey = state.keyFor(submissionContent(cert.fingerprint, body));
    setBusy(true);
    setError(null);
    const r = await call((api) => api.subsidy.submit({ applicationId: props.app.id, fingerprint: cert.fingerprint, ...(cert.pin.pinPad ? {} : { pin }), idempotencyKey, ...body }));
    setBusy(false);
    setPin('');
    setPinTouched(false);
    if (r.ok) props.onDone(r.value);
    else setError(r.error);
  };

  return (
    <section aria-labelledby="subsidy-sign">
      <Typography.Title level={3} id="subsidy-sign" style={{ fontSize: 16 }}>
        {t('subsidy.sign.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('subsidy.sign.intro', { uscc })}</Typography.Paragraph>
      <CertificateList certificates={certificates} value={fingerprint} onChange={setFingerprint} purpose="registration" disabled={busy} />
      <div style={{ maxWidth: 520, marginTop: 16 }}>
        {wrongEnterprise && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('subsidy.sign.wrongEnterprise', { uscc: cert.uscc ?? '' })} />}
        {cert && blocked && <ErrorAlert error={blocked} style={{ marginBottom: 16 }} />}
        <ErrorAlert error={error} onRetry={() => void submit()} style={{ marginBottom: 16 }} />
        <Form layout="vertical" requiredMark={false} onFinish={() => void submit()}>
          {cert && !blocked && !wrongEnterprise && <PinField certificate={cert} id="subsidy-sign-pin" value={pin} onChange={setPin} touched={pinTouched} disabled={busy} />}
          {busy && <Alert type="info" showIcon title={t('ca.working')} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" size="large" htmlType="submit" loading={busy} disabled={!cert || !!blocked || !!wrongEnterprise}>
              {resubmit ? t('subsidy.sign.resubmit') : t('subsidy.sign.submit')}
            </Button>
            {busy && cert?.pin.pinPad && <Button onClick={() => void call((api) => api.tokens.cancel({}))}>{t('ca.cancel')}</Button>}
          </Space>
          {!props.ready && pinTouched && (
            <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
              {t('subsidy.sign.fixFirst')}
            </Typography.Paragraph>
          )}
        </Form>
      </div>
    </section>
  );
}
