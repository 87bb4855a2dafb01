import { Alert } from 'antd';
import type { TokenCertificate } from '@shared/contract/token';
import { useT } from '../i18n/store';

/** The token's own PIN counters: a last try is said loudly, a low count quietly. Locked keys never get here. */
export function PinWarnings({ certificate }: { certificate: TokenCertificate }) {
  const t = useT();
  if (certificate.pin.finalTry) {
    return <Alert type="error" showIcon title={t('ca.pin.finalTry')} style={{ marginBottom: 16 }} />;
  }
  if (certificate.pin.countLow) {
    return <Alert type="warning" showIcon title={t('ca.pin.countLow')} style={{ marginBottom: 16 }} />;
  }
  return null;
}
