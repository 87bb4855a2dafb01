import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ServiceGuide } from '../../components/ServiceGuide';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { useSubsidyApplication } from '../../state/subsidy-application';
import { useServiceItems } from '../../state/subsidy-items';

/**
 * 申请说明 (manual 001 §1 "企业进入系统，在线阅读申请说明，开始申请"): conditions, materials, policy and process from the
 * item's guide; "我已阅读并知晓" must be ticked before "开始申请" creates the draft.
 */
export default function SubsidyGuidePage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { items, error, load } = useServiceItems();
  const start = useSubsidyApplication((s) => s.start);
  const startError = useSubsidyApplication((s) => s.error);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const guide = items?.find((i) => i.item === 'subsidy');
  const begin = async () => {
    setBusy(true);
    const id = await start();
    setBusy(false);
    if (id) go('subsidy-form');
  };

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('home')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.home')}
      </Button>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('subsidy.guide.title')}
      </Typography.Title>
      <ErrorAlert error={error} onRetry={() => void load(true)} />
      {!guide && !error && items === null && <Spin description={t('app.loading')} />}
      {items && !guide && <ErrorAlert error={{ code: 'PERMISSION_DENIED', retriable: false }} />}
      {guide && (
        <>
          <ServiceGuide guide={guide} />
          <ErrorAlert error={startError} onRetry={() => void begin()} style={{ marginBottom: 16 }} />
          <Space orientation="vertical" size={12}>
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
              {t('subsidy.guide.confirm')}
            </Checkbox>
            <Space>
              <Button type="primary" size="large" disabled={!confirmed} loading={busy} onClick={() => void begin()}>
                {t('subsidy.guide.start')}
              </Button>
              <Button size="large" onClick={() => go('subsidy-list')}>
                {t('subsidy.nav.list')}
              </Button>
            </Space>
            {!confirmed && <Typography.Text type="secondary">{t('subsidy.guide.startHint')}</Typography.Text>}
          </Space>
        </>
      )}
    </Card>
  );
}
