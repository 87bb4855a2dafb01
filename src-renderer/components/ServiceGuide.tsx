import { Table, Tag, Typography } from 'antd';
import type { ServiceItemGuide } from '@shared/contract/http/subsidy';
import { useT } from '../i18n/store';

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
