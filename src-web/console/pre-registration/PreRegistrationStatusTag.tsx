import { Tag } from 'antd';
import type { PreRegistrationStatus } from '@shared/contract/http/pre-registration';
import { useT } from '../i18n';

const COLORS: Record<PreRegistrationStatus, string> = { submitted: 'processing', resubmitted: 'processing', refused: 'warning', approved: 'success' };

export function PreRegistrationStatusTag({ status }: { status: PreRegistrationStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`prereg.status.${status}`)}</Tag>;
}
