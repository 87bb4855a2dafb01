import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ServiceItemGuide } from '@shared/contract/http/subsidy';
import type { AppError } from '@shared/contract/result';
import { useT } from '../i18n/store';
import { useRouter } from '../state/router';
import { useServiceItems } from '../state/subsidy-items';
import { ErrorAlert } from './ErrorAlert';

/**
 * A service item's 办事指南 as the server states it (summary, conditions, materials, policy and time limit,
 * process): the same sections for every item's guide page (the subsidy's, the construction filing's).
 */
export function ServiceGuide({ guide }: { guide: ServiceItemGuide }) {
  const t = useT();
  return (
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
    </>
  );
}

/**
 * An item's guide page: the guide from the server, "我已阅读并知晓" ticked before the start button creates the draft
 * (`start` answers its id, or null with `startError` set), and the way to the item's list.
 */
export function ItemGuidePage(props: {
  item: ServiceItemGuide['item'];
  title: string;
  startLabel: string;
  listLabel: string;
  start(): Promise<string | null>;
  startError: AppError | null;
  onStarted(): void;
  onList(): void;
  testId: string;
}) {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { items, error, load } = useServiceItems();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const guide = items?.find((i) => i.item === props.item);
  const begin = async () => {
    setBusy(true);
    const id = await props.start();
    setBusy(false);
    if (id) props.onStarted();
  };

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('home')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.home')}
      </Button>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {props.title}
      </Typography.Title>
      <ErrorAlert error={error} onRetry={() => void load(true)} />
      {!guide && !error && items === null && <Spin description={t('app.loading')} />}
      {items && !guide && <ErrorAlert error={{ code: 'PERMISSION_DENIED', retriable: false }} />}
      {guide && (
        <>
          <ServiceGuide guide={guide} />
          <ErrorAlert error={props.startError} onRetry={() => void begin()} style={{ marginBottom: 16 }} />
          <Space orientation="vertical" size={12}>
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid={`${props.testId}-confirm`}>
              {t('subsidy.guide.confirm')}
            </Checkbox>
            <Space>
              <Button type="primary" size="large" disabled={!confirmed} loading={busy} onClick={() => void begin()} data-testid={`${props.testId}-start`}>
                {props.startLabel}
              </Button>
              <Button size="large" onClick={props.onList}>
                {props.listLabel}
              </Button>
            </Space>
            {!confirmed && <Typography.Text type="secondary">{t('subsidy.guide.startHint')}</Typography.Text>}
          </Space>
        </>
      )}
    </Card>
  );
}
