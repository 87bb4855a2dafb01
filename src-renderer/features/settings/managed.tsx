import { Space, Tag, Typography } from 'antd';
import type { UpdateStatus } from '@shared/contract/delivery';
import { useT } from '../../i18n/store';

/** A field's label, with 由您的组织管理 when group policy sets it. */
export function ManagedTag({ label, managed }: { label: string; managed: boolean }) {
  const t = useT();
  if (!managed) return <>{label}</>;
  return (
    <Space size={8}>
      {label}
      <Tag>{t('delivery.managed')}</Tag>
    </Space>
  );
}

/** How this installation is updated, and the updater's last state when it updates itself. */
export function UpdateLine({ status }: { status: UpdateStatus }) {
  const t = useT();
  const how =
    status.mode === 'self'
      ? t('delivery.update.self', { channel: t(`delivery.channel.${status.channel ?? 'stable'}`) })
      : status.mode === 'off'
        ? t(status.reason === 'unsigned' ? 'delivery.update.off.unsigned' : 'delivery.update.off.policy')
        : t(status.mode === 'it' ? 'delivery.update.it' : 'delivery.update.none');
  return (
    <Space direction="vertical" size={0} data-testid="update-line">
      <Typography.Text>{how}</Typography.Text>
      {status.mode === 'self' && status.state && <Typography.Text type="secondary">{t(`delivery.state.${status.state}`, { version: status.version ?? '' })}</Typography.Text>}
    </Space>
  );
}
