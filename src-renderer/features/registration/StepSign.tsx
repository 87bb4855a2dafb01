import { Alert, Button, Descriptions, Typography } from 'antd';
import { maskMobile } from '@shared/validation';
import { KeySign } from '../../certificates/KeySign';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useAccountRequest } from '../../state/account-request';
import { useRouter } from '../../state/router';
import { REQUIREMENTS, useRegistration, withIdempotencyKey } from '../../state/registration-draft';
import { findCertificate, useTokens } from '../../state/tokens';
import { normalizedForm } from './registration-form';
import { REQUIREMENT_NAMES } from './StepUpload';
import { StepNav } from './StepNav';

/**
 * 6 签名提交: summary, then the key (the one read in step 3, preselected) and its PIN in KeySign. The idempotency
 * key makes a retry (after a timeout, a pulled key, a lost answer) the same submission, sent again by main without
 * the PIN once signed; a pulled key loses nothing typed or uploaded.
 */
export function StepSign() {
  const t = useT();
  const draft = useRegistration((s) => s.draft);
  const update = useRegistration((s) => s.update);
  const certificates = useTokens((s) => s.certificates);
  const go = useRouter((s) => s.go);
  const cert = findCertificate(certificates, draft.fingerprint);
  const form = normalizedForm(draft.form);

  const submit = async (fingerprint: string, pin?: string) => {
    // Another key chosen here is part of what is signed: the draft follows it (and so does the idempotency key).
    if (fingerprint !== draft.fingerprint) update({ fingerprint, keyLabel: findCertificate(certificates, fingerprint)?.tokenLabel ?? null });
    // Fix the idempotency key for this content before sending, so it is saved with the draft if we crash now.
    const ready = withIdempotencyKey(useRegistration.getState().draft);
    update({ idempotencyKey: ready.idempotencyKey, idempotencyFor: ready.idempotencyFor });
    const attachments = REQUIREMENTS.flatMap((r) => (ready.attachments[r] ? [ready.attachments[r]] : []));
    const r = await call((api) =>
      api.registration.submit({ fingerprint, ...(pin === undefined ? {} : { pin }), form, attachments, idempotencyKey: ready.idempotencyKey }),
    );
    if (r.ok) useRegistration.getState().submitted(r.value);
    // Fields the server refused go back beside their fields on the form step.
    else useRegistration.getState().refused(r.error);
    return r;
  };

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
        {!cert && <Alert type="warning" showIcon title={t('reg.sign.keyMissing', { label: draft.keyLabel ?? '' })} style={{ marginBottom: 16 }} />}
        <KeySign
          purpose="registration"
          expectedUscc={form.enterprise.uscc}
          preferred={draft.fingerprint}
          pinId="reg-sign-pin"
          submitLabel={t('reg.sign.submit')}
          action={submit}
          errorExtra={(error) =>
            error.code === 'ENTERPRISE_ALREADY_REGISTERED' ? (
              <>
                <Button size="small" type="primary" onClick={() => go('login')}>
                  {t('reg.done.toLogin')}
                </Button>
                <Button
                  size="small"
                  style={{ marginLeft: 8 }}
                  data-testid="reg-accounts-unknown"
                  onClick={() => {
                    useAccountRequest.getState().start('accountsUnknown', { uscc: form.enterprise.uscc, name: form.enterprise.name });
                    go('account-request');
                  }}
                >
                  {t('acctreq.fromRegistration')}
                </Button>
              </>
            ) : undefined
          }
        />
      </div>
      <StepNav hideNext />
    </>
  );
}
