import { PORTALS } from '@shared/portals/catalogue';
import { useLocale, useT } from '../../i18n/store';
import { usePortal } from '../../state/portal';

/** The footer's support line: the chosen portal's contacts from the catalogue (none before a portal is chosen). */
export function SupportLine() {
  const t = useT();
  const locale = useLocale();
  const current = usePortal((s) => s.current);
  if (!current) return null;
  const contacts = PORTALS[current].contacts;
  return (
    <span data-testid="support-line">
      {t('portals.support')}
      {contacts.map((c) => `${c.label[locale]} ${c.value}`).join(locale === 'zh-CN' ? '；' : '; ')}
    </span>
  );
}
