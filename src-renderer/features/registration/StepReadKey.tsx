import { Alert, Button, Typography } from 'antd';
import { CertificateList } from '../../certificates/CertificateList';
import { ineligibility } from '../../certificates/eligibility';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { useRegistration } from '../../state/registration-draft';
import { findCertificate, useTokens } from '../../state/tokens';
import { StepNav } from './StepNav';

/** 2 读取证书: choose the key of the chosen CA; no PIN. Keys without a USCC, expired or locked are refused here. */
export function StepReadKey() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const certificates = useTokens((s) => s.certificates);
  const caProfile = useRegistration((s) => s.draft.caProfile);
  const fingerprint = useRegistration((s) => s.draft.fingerprint);
  const chooseKey = useRegistration((s) => s.chooseKey);

  const matching = certificates.filter((c) => c.profile === caProfile || c.profile === 'unknown');
  const others = certificates.length - matching.length;
  const chosen = findCertificate(matching, fingerprint);
  const usable = chosen !== undefined && ineligibility(chosen, 'registration') === null;

  return (
    <>
      <Typography.Paragraph>{t('reg.key.intro', { ca: t(caProfile ? `ca.profile.${caProfile}` : 'ca.profile.unknown') })}</Typography.Paragraph>
      <CertificateList
        certificates={matching}
        value={chosen?.fingerprint ?? null}
        onChange={(f) => {
          const cert = findCertificate(matching, f);
          if (cert) chooseKey(cert);
        }}
        purpose="registration"
      />
      {others > 0 && <Alert type="info" showIcon title={t('reg.key.otherCa', { count: others })} style={{ marginTop: 12 }} />}
      {matching.length === 0 && (
        <div style={{ textAlign: 'center' }}>
          <Button type="link" onClick={() => go('self-check')}>
            {t('key.selfCheck')}
          </Button>
        </div>
      )}
      {usable && chosen && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('reg.key.read', { enterprise: chosen.enterpriseName ?? t('ca.unknownEnterprise'), uscc: chosen.uscc ?? '' })}
        />
      )}
      <StepNav nextDisabled={!usable} />
    </>
  );
}
