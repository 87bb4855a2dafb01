import { Alert, Button, Descriptions, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { maskMobile } from '@shared/validation';
import { ineligibility, pinProblem } from '../../certificates/eligibility';
import { PinField } from '../../certificates/PinField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { REQUIREMENTS, useRegistration, withIdempotencyKey } from '../../state/registration-draft';
import { findCertificate, useTokens } from '../../state/tokens';
import { normalizedForm } from './form-rules';
import { REQUIREMENT_NAMES } from './StepUpload';
import { StepNav } from './StepNav';

/**
 * 6 签名提交: summary, the chosen key's PIN (none on a PIN pad), then sign and submit. The idempotency key makes a
 * retry (after a timeout, a pulled key) the same submission; a pulled key loses nothing typed or uploaded.
 */
export function StepSign() {
  const t = useT();
  const draft = useRegistration((s) => s.draft);
  const update = useRegistration((s) => s.update);
  const certificates = useTokens((s) => s.certificates);
  const go = useRouter((s) => s.go);
  const [pin, setPin] = useState('');
  const [pinTouched, setPinTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const cert = findCertificate(certificates, draft.fingerprint);
  const blocked = cert ? ineligibility(cert, 'registration') : null;
  const problem = cert ? pinProblem(cert, pin) : null;
  const form = normalizedForm(draft.form);

  const submit = async () => {
    setPinTouched(true);
    if (!cert || blocked || problem) return;
    // Fix the idempotency key for this content before sending, so it is saved with the draft if we crash now.
    const ready = withIdempotencyKey(useRegistration.getState().draft);
    update({ idempotencyKey: ready.idempotencyKey, idempotencyFor: ready.idempotencyFor });
    const attachments = REQUIREMENTS.flatMap((r) => (ready.attachments[r] ? [ready.attachments[r]] : []));
    setBusy(true);
    setError(null);
    const r = await call((api) =>
      api.registration.submit({
        fingerprint: cert.fingerprint,
        ...(cert.pin.pinPad ? {} : { pin }),
        form,
        attachments,
        idempotencyKey: ready.idempotencyKey,
      }),
    );
    setBusy(false);
    setPin('');
    setPinTouched(false);
    if (r.ok) {
      useRegistration.getState().submitted(r.value);
    } else {
      setError(r.error);
    }
  };

  const removed = error?.code === 'TOKEN_REMOVED';
  return (
    <>
      <Typography.Paragraph>{t('reg.sign.intro')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 160 } }}
        items={[
          { key: 'name', label: t('reg.form.name'), children: form.enterprise.name, span: 2 },
          { key: 'uscc', label: t('reg.form.uscc'), children: form.enterprise.uscc },
          { key: 'legal', label: t('reg.form.legalRepresentative'), children: form.enterprise.legalRepresentative },
          { key: 'address', label: t('reg.form.address'), children: form.enterprise.address, span: 2 },
          { key: 'admin', label: t('reg.form.adminName'), children: form.administrator.name },
          { key: 'mobile', label: t('reg.form.adminMobile'), children: maskMobile(form.administrator.mobile) },
          { key: 'id', label: t('reg.form.adminId'), children: `${form.administrator.idNumber.slice(0, 6)}********${form.administrator.idNumber.slice(14)}` },
          { key: 'email', label: t('reg.form.adminEmail'), children: form.administrator.email ?? '—' },
          {
            key: 'attachments',
            label: t('reg.sign.attachments'),
            span: 2,
            children: (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {REQUIREMENTS.map((r) => (
                  <li key={r}>
                    {t('reg.sign.attachmentLine', { name: t(REQUIREMENT_NAMES[r]), file: draft.attachments[r]?.fileName ?? t('reg.upload.missing') })}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'cert',
            label: t('reg.sign.certificate'),
            span: 2,
            children: `${t(`ca.profile.${draft.form.caProfile}`)} · ${draft.keyLabel ?? ''}`,
          },
        ]}
      />
      <div style={{ maxWidth: 520, marginTop: 24 }}>
        {removed ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('reg.sign.removed')}
            description={t('reg.sign.removedHint')}
            action={
              <Button size="small" onClick={() => void submit()} disabled={!cert}>
                {t('error.retry')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        ) : (
          error && (
            <ErrorAlert
              error={error}
              onRetry={() => void submit()}
              extra={
                error.code === 'ENTERPRISE_ALREADY_REGISTERED' ? (
                  <Button size="small" type="primary" onClick={() => go('login')}>
                    {t('reg.done.toLogin')}
                  </Button>
                ) : undefined
              }
              style={{ marginBottom: 16 }}
            />
          )
        )}
        {!cert && !removed && (
          <Alert type="warning" showIcon title={t('reg.sign.keyMissing', { label: draft.keyLabel ?? '' })} style={{ marginBottom: 16 }} />
        )}
        {cert && blocked && <ErrorAlert error={blocked} style={{ marginBottom: 16 }} />}
        {cert && !blocked && (
          <Form layout="vertical" requiredMark={false} onFinish={() => void submit()}>
            <PinField certificate={cert} id="reg-sign-pin" value={pin} onChange={setPin} touched={pinTouched} disabled={busy} />
            {busy && <Alert type="info" showIcon title={t('ca.working')} style={{ marginBottom: 16 }} />}
            <Space>
              <Button type="primary" size="large" htmlType="submit" loading={busy}>
                {t('reg.sign.submit')}
              </Button>
              {busy && cert.pin.pinPad && <Button onClick={() => void call((api) => api.tokens.cancel({}))}>{t('ca.cancel')}</Button>}
            </Space>
          </Form>
        )}
      </div>
      <StepNav hideNext />
    </>
  );
}
