import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ServiceGuide } from '../../components/ServiceGuide';
import { useT } from '../../i18n/store';
import { useFiling } from '../../state/filing';
import { useRouter } from '../../state/router';
import { useServiceItems } from '../../state/subsidy-items';

/**
 * 办事指南 of 小型建设工程开工备案 (manual 002 外网申报流程): conditions, materials and time limit from the item's
 * guide on the server; "我已阅读并知晓" before "开始申报" creates the draft.
 */
export default function FilingGuidePage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { items, error, load } = useServiceItems();
  const start = useFiling((s) => s.start);
  const startError = useFiling((s) => s.error);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const guide = items?.find((i) => i.item === 'constructionFiling');
  const begin = async () => {
    setBusy(true);
    const id = await start();
    setBusy(false);
    if (id) go('filing-form');
  };

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('home')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.home')}
      </Button>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('filing.guide.title')}
      </Typography.Title>
      <ErrorAlert error={error} onRetry={() => void load(true)} />
      {!guide && !error && items === null && <Spin description={t('app.loading')} />}
      {items && !guide && <ErrorAlert error={{ code: 'PERMISSION_DENIED', retriable: false }} />}
      {guide && (
        <>
          <ServiceGuide guide={guide} />
          <ErrorAlert error={startError} onRetry={() => void begin()} style={{ marginBottom: 16 }} />
          <Space orientation="vertical" size={12}>
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="filing-guide-confirm">
              {t('subsidy.guide.confirm')}
            </Checkbox>
            <Space>
              <Button type="primary" size="large" disabled={!confirmed} loading={busy} onClick={() => void begin()} data-testid="filing-start">
                {t('filing.guide.start')}
              </Button>
              <Button size="large" onClick={() => go('filing-list')}>
                {t('filing.nav.list')}
              </Button>
            </Space>
            {!confirmed && <Typography.Text type="secondary">{t('subsidy.guide.startHint')}</Typography.Text>}
          </Space>
        </>
      )}
    </Card>
  );
}
