import { App as AntApp, Button, ConfigProvider, Layout, Space, Tag, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/contract/client-api';
import { useLocale, useT } from '../i18n/store';
import { clientApi } from '../platform';

/** CJK-first font stack: Windows clerks get Microsoft YaHei; Linux CI gets Noto Sans CJK. */
const fontFamily =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", system-ui, sans-serif';

export function App() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void clientApi()
      ?.app.info()
      .then((r) => r.ok && setInfo(r.value));
  }, []);

  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { fontFamily, colorPrimary: '#1f5fbf' } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
            <Space>
              <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
                {t('app.name')}
              </Typography.Title>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('app.tagline')}</Typography.Text>
            </Space>
            <Space>
              {info && <Tag>{info.shell === 'electron' ? t('shell.desktop') : t('shell.browserMode')}</Tag>}
              <Button size="small" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
                {t('language.switch')}
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 48 }}>
            <Typography.Title level={2} data-testid="welcome">
              {t('home.welcome')}
            </Typography.Title>
            <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
            <Typography.Text type="secondary" role="status">
              {t('key.status.unknown')}
            </Typography.Text>
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
