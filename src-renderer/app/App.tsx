import { App as AntApp, Alert, ConfigProvider, Layout, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { onDarkBandTokens, palette } from '@shared/ui/palette';
import { LoginPage } from '../features/login/LoginPage';
import { useLocale, useT } from '../i18n/store';
import { clientApi, subscribe } from '../platform';
import { useRouter } from '../state/router';
import { useSession } from '../state/session';
import { useSettings } from '../state/settings';
import { usePortal } from '../state/portal';
import { SupportLine } from '../features/portals/SupportLine';
import { useTokens } from '../state/tokens';
import { AppHeader } from './AppHeader';
import { themeFor } from './theme';

// Not on the way to the login screen: loaded when first opened, to keep the initial bundle small.
const RegistrationWizard = lazy(() => import('../features/registration/RegistrationWizard'));
const RegistrationStartPage = lazy(() => import('../features/registration/RegistrationStartPage'));
const PreRegistrationWizard = lazy(() => import('../features/pre-registration/PreRegistrationWizard'));
const SelfCheckPage = lazy(() => import('../features/self-check/SelfCheckPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
// One chunk for the subsidy's four screens: fewer lazy chunks sharing the shell's modules keep the initial split lean.
const SubsidyScreens = lazy(() => import('../features/subsidy/SubsidyScreens'));
// The disbursement's screens (pending list, detail with its dialogs) as one lazy chunk too.
const DisbursementScreens = lazy(() => import('../features/disbursement/DisbursementScreens'));
// 小型建设工程开工备案 (issue 15): guide, form with the PDF and its signature, list, detail.
const FilingScreens = lazy(() => import('../features/filing/FilingScreens'));
// The legacy hub account's sign-in and restricted home (manual 000).
const LegacyScreens = lazy(() => import('../features/legacy/LegacyScreens'));
// The Beijing SME platform's account, certification and unbinding (issue 16).
const BeijingScreens = lazy(() => import('../features/beijing/BeijingScreens'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage'));
// 忘记密码 and 安全设置 (issue 13).
const ForgotPasswordPage = lazy(() => import('../features/recovery/ForgotPasswordPage'));
const AccountRequestPage = lazy(() => import('../features/account-requests/AccountRequestPage'));
const AccountRequestsPage = lazy(() => import('../features/account-requests/AccountRequestsPage'));
const SecurityPage = lazy(() => import('../features/recovery/SecurityPage'));
const ChangePasswordPage = lazy(() => import('../features/login/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
// The first start's choice of portal (issue 16).
const PortalChoicePage = lazy(() => import('../features/portals/PortalChoicePage'));

export function App() {
  const locale = useLocale();
  const theme = useMemo(() => themeFor(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={theme}
      // "登录" must stay "登录" (not "登 录") for people and for accessible names alike.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{clientApi() ? <Shell /> : <NoClientApi />}</AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const t = useT();
  const route = useRouter((s) => s.route);
  const restoring = useSession((s) => s.restoring);
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  useEffect(() => {
    void useSettings.getState().load();
    void usePortal.getState().load();
    void useSession.getState().restore();
    const stopTokens = useTokens.getState().start();
    // The one place an expired session is handled, whichever screen's call met it.
    const stopExpiry = subscribe('session.expired', (e) => useSession.getState().sessionExpired(e.code));
    return () => {
      stopTokens();
      stopExpiry();
    };
  }, []);

  // A new screen takes the focus, so keyboard and screen-reader users start at its top, not on a vanished button.
  useEffect(() => {
    if (firstRoute.current) firstRoute.current = false;
    else main.current?.focus();
  }, [route]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <ConfigProvider theme={onDarkBandTokens}>
        <AppHeader />
      </ConfigProvider>
      <Layout.Content ref={main} id="main" tabIndex={-1} aria-label={t('nav.main')} style={{ padding: '24px 24px 48px', outline: 'none' }}>
        <div style={{ maxWidth: 1080, margin: '0 auto' }}>
          {restoring ? (
            <Loading />
          ) : (
            <Suspense fallback={<Loading />}>
              {route === 'login' && <LoginPage />}
              {route === 'change-password' && <ChangePasswordPage />}
              {route === 'home' && <HomePage />}
              {route === 'registration' && <RegistrationWizard />}
              {route === 'registration-start' && <RegistrationStartPage />}
              {route === 'pre-registration' && <PreRegistrationWizard />}
              {route === 'self-check' && <SelfCheckPage />}
              {route === 'settings' && <SettingsPage />}
              {route === 'accounts' && <AccountsPage />}
              {route.startsWith('subsidy-') && <SubsidyScreens route={route} />}
              {route.startsWith('disbursement-') && <DisbursementScreens route={route} />}
              {route.startsWith('filing-') && <FilingScreens route={route} />}
              {route === 'forgot-password' && <ForgotPasswordPage />}
              {route === 'security' && <SecurityPage />}
              {route.startsWith('legacy-') && <LegacyScreens route={route} />}
              {route === 'account-request' && <AccountRequestPage />}
              {route === 'account-requests' && <AccountRequestsPage />}
              {route.startsWith('beijing-') && <BeijingScreens route={route} />}
              {route === 'portal-choice' && <PortalChoicePage />}
            </Suspense>
          )}
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: palette.textHint, fontSize: 12 }}>
        <SupportLine />
      </Layout.Footer>
    </Layout>
  );
}

function Loading() {
  const t = useT();
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin description={t('app.loading')} />
    </div>
  );
}

function NoClientApi() {
  const t = useT();
  return (
    <div style={{ maxWidth: 640, margin: '80px auto' }}>
      <Typography.Title level={2}>{t('app.name')}</Typography.Title>
      <Alert type="error" showIcon title={t('app.noClientApi')} description={t('app.noClientApiHint')} />
    </div>
  );
}
