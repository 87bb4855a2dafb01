import { SafetyCertificateOutlined, UsbOutlined } from '@ant-design/icons';
import { Empty, Radio, Space, Tag, Typography } from 'antd';
import type { AppError } from '@shared/contract/result';
import type { TokenCertificate } from '@shared/contract/token';
import { palette } from '@shared/ui/palette';
import { describeError } from '../errors/describe';
import { useLocale, useT } from '../i18n/store';
import { dateOf, ineligibility } from './eligibility';
import { unlockVars } from './key-sign';

/** One fact of a certificate; wraps as a whole, never mid-value. */
const fact = { display: 'inline-block', whiteSpace: 'nowrap', marginRight: 16 } as const;

/** Keys that can be used first (in the order found), then the refused ones with their reasons. */
function usableFirst(certificates: TokenCertificate[], purpose: Props['purpose'], expectedUscc: Props['expectedUscc']): TokenCertificate[] {
  const usable = certificates.filter((c) => ineligibility(c, purpose, expectedUscc) === null);
  return [...usable, ...certificates.filter((c) => !usable.includes(c))];
}

interface Props {
  certificates: TokenCertificate[];
  value: string | null;
  onChange(fingerprint: string): void;
  purpose: 'login' | 'registration';
  /** The enterprise the signature is for: other enterprises' keys are shown, not selectable. */
  expectedUscc?: string | null;
  /** Why a key failed at its last attempt (server's verdict on the certificate, driver error): said beside it. */
  refusals?: Record<string, AppError>;
  disabled?: boolean;
}

/**
 * The keys plugged in, one radio per certificate: enterprise, USCC, CA, key label, validity. A certificate that
 * cannot serve `purpose` (expired, no USCC, PIN locked) is disabled with its reason, so nobody types a PIN in vain.
 */
export function CertificateList({ certificates, value, onChange, purpose, expectedUscc, refusals, disabled }: Props) {
  const t = useT();
  const locale = useLocale();
  if (certificates.length === 0) {
    return (
      <Empty
        image={<UsbOutlined aria-hidden style={{ fontSize: 40, color: '#bfbfbf' }} />}
        styles={{ image: { height: 48 } }}
        description={
          <>
            <div>{t('ca.list.empty')}</div>
            <Typography.Text type="secondary">{t('ca.list.emptyHint')}</Typography.Text>
          </>
        }
      />
    );
  }
  return (
    <Radio.Group
      aria-label={t('ca.list.label')}
      value={value}
      onChange={(e) => onChange(String(e.target.value))}
      disabled={disabled}
      style={{ width: '100%' }}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        {usableFirst(certificates, purpose, expectedUscc).map((cert) => {
          const problem = ineligibility(cert, purpose, expectedUscc);
          // A refusal at the last attempt is said but does not disable the key: it may have been renewed meanwhile.
          const refusal = problem ?? refusals?.[cert.fingerprint] ?? null;
          const reason = refusal ? describeError(refusal, locale) : null;
          const selected = value === cert.fingerprint;
          return (
            <div
              key={cert.fingerprint}
              style={{
                border: `1px solid ${selected ? '#1f5fbf' : '#d9d9d9'}`,
                background: selected ? '#f0f6ff' : problem ? '#fafafa' : '#fff',
                borderRadius: 6,
                padding: '10px 12px',
              }}
            >
              <Radio value={cert.fingerprint} disabled={problem !== null} style={{ width: '100%' }}>
                <div>
                  <SafetyCertificateOutlined aria-hidden style={{ color: problem ? '#bfbfbf' : '#1f5fbf', marginRight: 6 }} />
                  <Typography.Text strong>{cert.enterpriseName ?? t('ca.unknownEnterprise')}</Typography.Text>
                  <Tag
                    color={cert.profile === 'jiangsu-ca' ? 'blue' : cert.profile === 'suzhou-ca' ? 'geekblue' : 'default'}
                    style={{ marginLeft: 8 }}
                  >
                    {t(`ca.profile.${cert.profile}`)}
                  </Tag>
                  {cert.pin.locked && <Tag color="red">{t('ca.pin.locked')}</Tag>}
                </div>
                <div style={{ color: '#595959', fontSize: 13, marginTop: 2 }}>
                  <span style={fact}>{t('ca.usccLine', { uscc: cert.uscc ?? t('ca.noUscc') })}</span>
                  <span style={fact}>{t('ca.labelLine', { label: cert.tokenLabel })}</span>
                  {cert.validity === 'valid' ? (
                    <span style={fact}>{t('ca.validity.until', { date: dateOf(cert.notAfter) })}</span>
                  ) : (
                    <Typography.Text type="danger" style={{ ...fact, fontSize: 13 }}>
                      {cert.validity === 'expired'
                        ? t('ca.validity.expiredOn', { date: dateOf(cert.notAfter) })
                        : t('ca.validity.notYetValidUntil', { date: dateOf(cert.notBefore) })}
                    </Typography.Text>
                  )}
                </div>
                {reason && (
                  <div style={{ marginTop: 4, fontSize: 13 }}>
                    <Typography.Text type="danger" strong style={{ fontSize: 13 }}>
                      {reason.message}
                    </Typography.Text>
                    {reason.hint && <div style={{ color: palette.textHint }}>{reason.hint}</div>}
                    {/* Where this CA unlocks it, from its profile (issue 18). */}
                    {cert.pin.locked && cert.unlock && (
                      <div style={{ color: palette.textHint }} data-testid="unlock-contacts">
                        {t('faults.unlock', unlockVars(cert.unlock, locale))}
                      </div>
                    )}
                  </div>
                )}
              </Radio>
            </div>
          );
        })}
      </Space>
    </Radio.Group>
  );
}
