import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Typography } from 'antd';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { CarriedHistory } from '../legacy/CarriedHistory';
import { DraftBanner } from '../subsidy/DraftBanner';
import { ServiceItems } from '../subsidy/ServiceItems';

/** After sign-in: who is signed in, for which enterprise, and the service items the account may use. */
export function HomePage() {
  const t = useT();
  const session = useSession((s) => s.session);
  const go = useRouter((s) => s.go);
  if (!session) return null;
  return (
    <>
      {session.permissions.includes('subsidy') || session.role !== 'handler' ? <DraftBanner /> : null}
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
          {t('home.title', { enterprise: session.enterpriseName })}
        </Typography.Title>
        <Descriptions
          bordered
          column={1}
          size="middle"
          styles={{ label: { width: 180 } }}
          items={[
            { key: 'enterprise', label: t('home.enterprise'), children: session.enterpriseName },
            { key: 'uscc', label: t('home.uscc'), children: session.uscc },
            { key: 'account', label: t('home.account'), children: session.username },
            { key: 'role', label: t('home.role'), children: t(`role.${session.role}`) },
            { key: 'via', label: t('home.via'), children: t(`home.via.${session.via}`) },
          ]}
        />
      </Card>
      {(session.role === 'super' || session.role === 'admin') && (
        <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('home.accounts')}</h2>} style={{ marginTop: 24 }}>
          <Typography.Paragraph type="secondary">{t('home.accountsHint')}</Typography.Paragraph>
          <Button type="primary" icon={<TeamOutlined aria-hidden />} aria-label={t('home.accounts')} onClick={() => go('accounts')}>
            {t('home.accounts')}
          </Button>
          <Button style={{ marginLeft: 12 }} onClick={() => go('account-requests')} data-testid="home-account-requests">
            {t('acctreq.list.title')}
          </Button>
        </Card>
      )}
      {session.role === 'handler' && (
        <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('roles.certs.title')}</h2>} style={{ marginTop: 24 }}>
          <Button icon={<TeamOutlined aria-hidden />} aria-label={t('roles.certs.title')} onClick={() => go('accounts')}>
            {t('roles.certs.title')}
          </Button>
        </Card>
      )}
      <ServiceItems />
      <CarriedHistory />
    </>
  );
}
