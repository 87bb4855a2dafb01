import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TokenCertificate } from '@shared/contract/token';
import type { MessageKey } from '@shared/i18n/messages';
import { KeySign } from '../../certificates/KeySign';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useAccountRequest } from '../../state/account-request';
import { useRouter, type Route } from '../../state/router';
import { useRegistration } from '../../state/registration-draft';
import { findCertificate, useTokens } from '../../state/tokens';
import { StepNav } from './StepNav';

/**
 * 2 读取证书: choose the key of the chosen CA (keys without a USCC, expired or locked are refused here) and check it:
 * the key signs a CA challenge with its PIN, so only its holder learns whether the enterprise is registered already
 * (issue 21 item 1). A registered one is told here, with the ways to recover its accounts, before anything is
 * printed, stamped or uploaded; the final submit still refuses it.
 */
export function StepReadKey() {
  const t = useT();
  const certificates = useTokens((s) => s.certificates);
  const draft = useRegistration((s) => s.draft);
  const chooseKey = useRegistration((s) => s.chooseKey);
  const update = useRegistration((s) => s.update);
  const [registered, setRegistered] = useState<{ enterprise: string; uscc: string } | null>(null);

  const offered = (c: TokenCertificate) => c.profile === draft.caProfile || c.profile === 'unknown';
  const others = certificates.filter((c) => !offered(c)).length;
  const chosen = findCertificate(certificates, draft.fingerprint);
  const checked = chosen !== undefined && draft.keyCheckedFor === chosen.fingerprint;

  const check = async (fingerprint: string, pin?: string) => {
    const r = await call((api) => api.registration.checkKey({ fingerprint, ...(pin === undefined ? {} : { pin }) }));
    const cert = findCertificate(useTokens.getState().certificates, fingerprint);
    if (r.ok && cert) {
      chooseKey(cert);
      update({ keyCheckedFor: r.value.registered ? null : fingerprint });
      setRegistered(r.value.registered ? { enterprise: cert.enterpriseName ?? t('ca.unknownEnterprise'), uscc: r.value.uscc } : null);
    }
    return r;
  };

  return (
    <>
      <Typography.Paragraph>{t('reg.key.intro', { ca: t(draft.caProfile ? `ca.profile.${draft.caProfile}` : 'ca.profile.unknown') })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('keys.check.intro')}</Typography.Paragraph>
      <div style={{ maxWidth: 640 }}>
        <KeySign purpose="registration" offered={offered} preferred={draft.fingerprint} pinId="reg-key-pin" submitLabel={t('keys.check.submit')} action={check} />
      </div>
      {others > 0 && <Alert type="info" showIcon title={t('reg.key.otherCa', { count: others })} style={{ marginTop: 12 }} />}
      {registered && <AlreadyRegistered {...registered} />}
      {checked && !registered && chosen && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('keys.check.ok', { enterprise: chosen.enterpriseName ?? t('ca.unknownEnterprise'), uscc: chosen.uscc ?? '' })}
        />
      )}
      {!checked && !registered && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('keys.check.needed')}</Typography.Paragraph>}
      <StepNav nextDisabled={!checked} />
    </>
  );
}

/** Where a registered enterprise's clerk goes instead (manual 001 Q&A 3), in the order to try them. */
const WAYS_BACK: ReadonlyArray<[MessageKey, Route]> = [
  ['keys.registered.recovery', 'forgot-password'],
  ['keys.registered.login', 'login'],
  // 已注册但无人知晓账号: the staff-reviewed request, this enterprise filled in (features/account-requests).
  ['keys.registered.request', 'account-request'],
  ['keys.registered.otherWays', 'registration-start'],
];

/** "该企业已注册" with the recovery paths of manual 001 Q&A 3, before the clerk prints and uploads anything. */
function AlreadyRegistered(props: { enterprise: string; uscc: string }) {
  const t = useT();
  const go = useRouter((s) => s.go);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="already-registered"
      title={t('keys.registered.title', props)}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('keys.registered.body')}</Typography.Paragraph>
          <Space orientation="vertical" size={4}>
            {WAYS_BACK.map(([label, route]) => (
              <Button
                key={label}
                type="link"
                style={{ padding: 0 }}
                onClick={() => {
                  if (route === 'account-request') useAccountRequest.getState().start('accountsUnknown', { uscc: props.uscc, name: props.enterprise });
                  go(route);
                }}
              >
                {t(label)}
              </Button>
            ))}
          </Space>
        </>
      }
    />
  );
}
