/**
 * The staff console: login → (first time) password change → the desks the role may use: reviewers the subsidy queue
 * and one application at a time, finance the disbursement queue and one disbursement, counter staff counter registration, support pre-registration review, admins all (desks: roles.ts).
 */
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { logoutRoute } from '@shared/contract/http/auth';
import { onDarkBandTokens } from '@shared/ui/palette';
import { call } from './api';
import { CounterRegistrationScreen } from './counter/CounterRegistrationScreen';
import { ApplicationScreen } from './detail/ApplicationScreen';
import { DisbursementQueueScreen } from './disbursement/DisbursementQueueScreen';
import { DisbursementScreen } from './disbursement/DisbursementScreen';
import { useLang, useT } from './i18n';
import { LegacyImportScreen } from './LegacyImportScreen';
import { LoginScreen } from './LoginScreen';
import { PasswordChangeScreen } from './PasswordChangeScreen';
import { PreRegistrationQueueScreen } from './pre-registration/PreRegistrationQueueScreen';
import { PreRegistrationScreen } from './pre-registration/PreRegistrationScreen';
import { AccountRequestQueueScreen } from './account-requests/AccountRequestQueueScreen';
import { AccountRequestScreen } from './account-requests/AccountRequestScreen';
import { QueueScreen } from './QueueScreen';
import { SmsDevelopmentBanner } from './SmsDevelopmentBanner';
import { PORTALS } from '@shared/portals/catalogue';
import { desksOf, type Desk } from './roles';
import { counterRegistrationHref, disbursementQueueHref, legacyAccountsHref, preRegistrationQueueHref, queueHref, useRoute, type ConsoleRoute } from './router';
import { accountRequestQueueHref } from './router';
import { FilingQueueScreen } from './filing/FilingQueueScreen';
import { FilingScreen } from './filing/FilingScreen';
import { filingQueueHref } from './router';
import { KeyEmergencyScreen } from './keys/KeyEmergencyScreen';
import { keyEmergencyHref } from './router';
import { useSession } from './session';
import { BeijingQueueScreen } from './beijing/BeijingQueueScreen';
import { usePortal } from './beijing/use-portal';
import { beijingQueueHref } from './router';
import { consoleTheme } from './theme';

function Header() {
  const t = useT();
  const { lang, setLang } = useLang();
  const session = useSession((s) => s.session);
  const signOut = useSession((s) => s.signOut);
  const logout = async () => {
    await call(logoutRoute).catch(() => undefined);
    signOut();
  };
  return (
    <Layout.Header className="console-header">
      <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
        {t('app.title')}
      </Typography.Text>
      <Space>
        {session ? (
          <Typography.Text style={{ color: '#dbe4f0' }}>
            {t('app.signedInAs', { name: session.staff.username, role: t(`role.${session.staff.role}`) })}
          </Typography.Text>
        ) : null}
        <Button size="small" ghost title={t('app.languageLabel')} lang={lang === 'en' ? 'zh-CN' : 'en'} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
          {t('app.language')}
        </Button>
        {session ? (
          <Button size="small" ghost onClick={() => void logout()}>
            {t('app.logout')}
          </Button>
        ) : null}
      </Space>
    </Layout.Header>
  );
}

/** The desk a place belongs to. An application is the reviewers' — or finance's, who open its disbursement. */
const deskOf = (route: ConsoleRoute, desks: Desk[]): Desk | undefined => {
  if (route.name === 'home') return desks[0];
  if (route.name === 'queue') return 'review';
  if (route.name === 'counterRegistration') return 'counter';
  if (route.name === 'preRegistrations' || route.name === 'preRegistration') return 'preRegistration';
  if (route.name === 'accountRequests' || route.name === 'accountRequest') return 'accountRequests';
  if (route.name === 'filings' || route.name === 'filing') return 'filingReview';
  if (route.name === 'keys') return 'keys';
  if (route.name === 'beijing') return 'beijingReview';
  if (route.name === 'application') return desks.includes('review') ? 'review' : 'finance';
  return 'finance';
};

const deskHref: Record<Desk, string> = { review: queueHref, finance: disbursementQueueHref, counter: counterRegistrationHref, preRegistration: preRegistrationQueueHref, accountRequests: accountRequestQueueHref, filingReview: filingQueueHref, keys: keyEmergencyHref, beijingReview: beijingQueueHref };

function DeskNav({ desks, current, legacyImport }: { desks: Desk[]; current: Desk | 'legacy' | undefined; legacyImport: boolean }) {
  const t = useT();
  if (desks.length < 2) return null;
  const items = desks.map((d): { key: Desk | 'legacy'; label: React.ReactNode } => ({
    key: d,
    label: <a href={deskHref[d]}>{t(`nav.${d}`)}</a>,
  }));
  // Legacy hub account import: staff admins only (the server enforces it too).
  if (legacyImport) items.push({ key: 'legacy', label: <a href={legacyAccountsHref}>{t('nav.legacy')}</a> });
  return <Menu mode="horizontal" aria-label={t('nav.label')} selectedKeys={current ? [current] : []} items={items} className="console-nav" />;
}

function Screen() {
  const t = useT();
  const session = useSession((s) => s.session);
  const route = useRoute();
  const portal = usePortal();
  if (!session) return <LoginScreen />;
  if (session.mustChangePassword) return <PasswordChangeScreen />;
  const desks = desksOf(session.staff.role, portal);
  // Legacy hub account import (manual 000): staff admins of a portal with that way in.
  const legacyImport = session.staff.role === 'admin' && PORTALS[portal].flows.includes('legacy');
  if (route.name === 'legacyAccounts') {
    return (
      <>
        <DeskNav desks={desks} current="legacy" legacyImport={legacyImport} />
        <main className="console-main">{legacyImport ? <LegacyImportScreen /> : <Result status="info" title={t('nav.none')} />}</main>
      </>
    );
  }
  const desk = deskOf(route, desks);
  let screen: React.ReactNode;
  if (!desk || !desks.includes(desk)) screen = <Result status="info" title={t('nav.none')} />;
  else if (route.name === 'application') screen = <ApplicationScreen key={route.id} id={route.id} />;
  else if (route.name === 'disbursement') screen = <DisbursementScreen key={route.id} id={route.id} />;
  else if (desk === 'counter') screen = <CounterRegistrationScreen />;
  else if (route.name === 'preRegistration') screen = <PreRegistrationScreen key={route.id} id={route.id} />;
  else if (desk === 'preRegistration') screen = <PreRegistrationQueueScreen />;
  else if (route.name === 'accountRequest') screen = <AccountRequestScreen key={route.id} id={route.id} />;
  else if (desk === 'accountRequests') screen = <AccountRequestQueueScreen />;
  else if (route.name === 'filing') screen = <FilingScreen key={route.id} id={route.id} />;
  else if (desk === 'filingReview') screen = <FilingQueueScreen />;
  else if (desk === 'keys') screen = <KeyEmergencyScreen />;
  else if (desk === 'beijingReview') screen = <BeijingQueueScreen />;
  else screen = desk === 'review' ? <QueueScreen /> : <DisbursementQueueScreen />;
  return (
    <>
      <DeskNav desks={desks} current={desk} legacyImport={legacyImport} />
      <main className="console-main">{screen}</main>
    </>
  );
}

export function ConsoleApp() {
  const lang = useLang((s) => s.lang);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={consoleTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <ConfigProvider theme={onDarkBandTokens}>
            <Header />
          </ConfigProvider>
          <SmsDevelopmentBanner />
          <Layout.Content>
            <Screen />
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
