import { LogoutOutlined, SafetyOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Divider, Layout, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { describeError } from '../errors/describe';
import { useLocale, useT } from '../i18n/store';
import { PORTALS } from '@shared/portals/catalogue';
import { usePortal } from '../state/portal';
import { useRouter } from '../state/router';
import { useSession } from '../state/session';
import { useSettings } from '../state/settings';
import { KeyStatus } from './KeyStatus';

// Its own chunk: it shows only when a signed submission waits, and the login screen should not wait for it.
const OutboxIndicator = lazy(() => import('../components/OutboxIndicator').then((m) => ({ default: m.OutboxIndicator })));

export function AppHeader() {
  const t = useT();
  const locale = useLocale();
  const setLocale = useSettings((s) => s.setLocale);
  const session = useSession((s) => s.session);
  const portal = usePortal((s) => s.current);
  const logout = useSession((s) => s.logout);
  const { message } = App.useApp();
  const white = { color: '#fff' };

  const onLogout = async () => {
    const error = await logout();
    if (error) void message.warning(describeError(error, locale).message);
    else void message.success(t('session.loggedOut'));
  };

  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
      <Space size={12} align="center">
        <Typography.Title level={1} style={{ ...white, margin: 0, fontSize: 22, letterSpacing: 2 }}>
          {t('app.name')}
        </Typography.Title>
        {/* Which portal this client works with, once chosen: a clerk with two portals sees which one this is. */}
        <Typography.Text data-testid="header-portal" style={{ color: 'rgba(255,255,255,0.75)' }}>
          {portal ? PORTALS[portal].name[locale] : t('app.tagline')}
        </Typography.Text>
      </Space>
      <Space size={4} align="center" separator={<Divider orientation="vertical" style={{ borderColor: 'rgba(255,255,255,0.35)' }} />}>
        {/* One slot: the indicator is usually empty, and an empty slot would still get its separator. */}
        <Space size={4}>
          <KeyStatus />
          <Suspense fallback={null}>
            <OutboxIndicator />
          </Suspense>
        </Space>
        {session && (
          <Space size={4}>
            <UserOutlined style={white} aria-hidden />
            <Typography.Text style={white} data-testid="session-user">
              {t('session.user', { enterprise: session.enterpriseName, username: session.username })}
            </Typography.Text>
            {/* 安全设置 (issue 13): every account's own contacts. */}
            <Button type="link" size="small" icon={<SafetyOutlined aria-hidden />} style={white} onClick={() => useRouter.getState().go('security')}>
              {t('security.title')}
            </Button>
            <Button type="link" size="small" icon={<LogoutOutlined aria-hidden />} style={white} onClick={() => void onLogout()}>
              {t('session.logout')}
            </Button>
          </Space>
        )}
        <Button type="link" size="small" icon={<SettingOutlined aria-hidden />} style={white} onClick={() => useRouter.getState().go('settings')}>
          {t('settings.title')}
        </Button>
        <Button
          size="small"
          ghost
          lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
          title={t('language.switchTitle')}
          onClick={() => void setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('language.switch')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
