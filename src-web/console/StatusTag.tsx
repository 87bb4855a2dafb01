import { Tag } from 'antd';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { statusColors, statusLabel } from './domain-labels';
import { useLang } from './i18n';

export function StatusTag({ status }: { status: SubsidyStatus }) {
  const lang = useLang((s) => s.lang);
  return <Tag color={statusColors[status]}>{statusLabel(status, lang)}</Tag>;
}
