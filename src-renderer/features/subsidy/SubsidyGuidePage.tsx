import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
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
          <Typography.Paragraph>{guide.summary}</Typography.Paragraph>
          <section aria-labelledby="guide-conditions">
            <Typography.Title level={3} id="guide-conditions" style={{ fontSize: 16 }}>
              {t('subsidy.guide.conditions')}
            </Typography.Title>
            <ol>
              {guide.conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="guide-materials">
            <Typography.Title level={3} id="guide-materials" style={{ fontSize: 16 }}>
              {t('subsidy.guide.materials')}
            </Typography.Title>
            <Table
              size="small"
              pagination={false}
              rowKey="requirement"
              dataSource={guide.materials}
              columns={[
                { title: t('subsidy.guide.materials'), dataIndex: 'name', key: 'name' },
                { title: '', key: 'scope', render: (_, m) => t(`subsidy.guide.scope.${m.scope}`) },
                {
                  title: '',
                  key: 'required',
                  render: (_, m) => <Tag color={m.required === 'always' ? 'red' : m.required === 'headhunting' ? 'orange' : 'default'}>{t(`subsidy.guide.required.${m.required}`)}</Tag>,
                },
              ]}
            />
          </section>
          <section aria-labelledby="guide-policy">
            <Typography.Title level={3} id="guide-policy" style={{ fontSize: 16 }}>
              {t('subsidy.guide.policy')}
            </Typography.Title>
            <Typography.Paragraph>{guide.policy}</Typography.Paragraph>
          </section>
          <section aria-labelledby="guide-process">
            <Typography.Title level={3} id="guide-process" style={{ fontSize: 16 }}>
              {t('subsidy.guide.process')}
            </Typography.Title>
            <ol>
              {guide.process.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ol>
          </section>
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
