/** The staff console: login → (first time) password change → the queue and one application at a time. */
import { App as AntApp, Button, ConfigProvider, Layout, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { logoutRoute } from '@shared/contract/http/auth';
import { call } from './api';
import { ApplicationScreen } from './detail/ApplicationScreen';
import { useLang, useT } from './i18n';
import { LoginScreen } from './LoginScreen';
import { PasswordChangeScreen } from './PasswordChangeScreen';
import { QueueScreen } from './QueueScreen';
import { useRoute } from './router';
import { useSession } from './session';

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

function Screen() {
  const session = useSession((s) => s.session);
  const route = useRoute();
  if (!session) return <LoginScreen />;
  if (session.mustChangePassword) return <PasswordChangeScreen />;
  return (
    <main className="console-main">{route.name === 'application' ? <ApplicationScreen key={route.id} id={route.id} /> : <QueueScreen />}</main>
  );
}

export function ConsoleApp() {
  const lang = useLang((s) => s.lang);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f5fa8' } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Header />
          <Layout.Content>
            <Screen />
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
