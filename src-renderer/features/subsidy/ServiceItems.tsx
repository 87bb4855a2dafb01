import { FileSearchOutlined, FormOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { useServiceItems } from '../../state/subsidy-items';
import { useSession } from '../../state/session';

/** Home: the service items this account may use (a handler sees only those granted), each with its guide and actions. */
export function ServiceItems() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { items, error, loading, load } = useServiceItems();
  const username = useSession((s) => s.session?.username);

  useEffect(() => {
    // Another account may have signed in since: its items, not the last one's.
    void load(true);
  }, [load, username]);

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('home.items.title')}</h2>} style={{ marginTop: 24 }}>
      <ErrorAlert error={error} onRetry={() => void load(true)} style={{ marginBottom: 16 }} />
      {loading && !items ? (
        <Spin description={t('home.items.loading')} />
      ) : items && items.length === 0 ? (
        <Empty description={t('home.items.empty')} />
      ) : (
        <List
          aria-label={t('home.items.title')}
          dataSource={items ?? []}
          renderItem={(item) => (
            <List.Item key={item.item}>
              <div style={{ width: '100%' }}>
                <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }}>
                  {item.name}
                </Typography.Title>
                <Typography.Paragraph type="secondary">{item.summary}</Typography.Paragraph>
                {item.item === 'subsidy' ? (
                  <Space wrap>
                    <Button type="primary" icon={<FormOutlined aria-hidden />} aria-label={t('home.items.applyLabel', { name: item.name })} onClick={() => go('subsidy-guide')}>
                      {t('home.items.apply')}
                    </Button>
                    <Button icon={<FileSearchOutlined aria-hidden />} aria-label={t('home.items.guideLabel', { name: item.name })} onClick={() => go('subsidy-guide')}>
                      {t('home.items.guide')}
                    </Button>
                    <Button icon={<UnorderedListOutlined aria-hidden />} aria-label={t('home.items.mineLabel', { name: item.name })} onClick={() => go('subsidy-list')}>
                      {t('home.items.mine')}
                    </Button>
                  </Space>
                ) : item.item === 'constructionFiling' ? (
                  <Space wrap>
                    <Button type="primary" icon={<FormOutlined aria-hidden />} aria-label={t('home.items.applyLabel', { name: item.name })} onClick={() => go('filing-guide')} data-testid="home-filing">
                      {t('home.items.apply')}
                    </Button>
                    <Button icon={<UnorderedListOutlined aria-hidden />} aria-label={t('home.items.mineLabel', { name: item.name })} onClick={() => go('filing-list')}>
                      {t('home.items.mine')}
                    </Button>
                  </Space>
                ) : item.item === 'disbursement' ? (
                  <Space wrap>
                    <Button type="primary" icon={<UnorderedListOutlined aria-hidden />} aria-label={t('home.items.pendingLabel', { name: item.name })} onClick={() => go('disbursement-list')} data-testid="home-disbursement">
                      {t('home.items.pending')}
                    </Button>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('home.items.notYet')}</Typography.Text>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
