import { Card, Typography } from 'antd';
import { useT } from '../../i18n/store';
import { PortalCards } from './PortalCards';

/** The first start (nothing chosen, nothing pre-seeded by IT): which portal this PC works with. */
export default function PortalChoicePage() {
  const t = useT();
  return (
    <Card style={{ maxWidth: 960, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
        {t('portals.choice.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('portals.choice.intro')}</Typography.Paragraph>
      <PortalCards mode="first-start" />
    </Card>
  );
}
