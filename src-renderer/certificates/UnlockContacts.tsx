import { Alert } from 'antd';
import type { UnlockContact } from '@shared/contract/token';
import { useLocale, useT } from '../i18n/store';
import { unlockVars } from './key-sign';

/** Where a locked key is unlocked: its CA's window and phones from the profile (issue 18). Nothing when unknown. */
export function UnlockContacts({ unlock }: { unlock: UnlockContact | undefined }) {
  const t = useT();
  const locale = useLocale();
  if (!unlock) return null;
  return <Alert type="info" showIcon data-testid="unlock-contacts" title={t('faults.unlock', unlockVars(unlock, locale))} style={{ marginBottom: 16 }} />;
}
