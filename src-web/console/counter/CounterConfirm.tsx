/**
 * The confirmation before anything is created: what will exist (enterprise, accounts, where the SMS goes) and what
 * the registry says. With findings the clerk, who holds the originals, ticks the override to go on.
 */
import { Alert, Button, Checkbox, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CounterRegistration, RegistryFinding } from '@shared/contract/http/counter-registration';
import { maskMobile } from '@shared/validation/mobile';
import { useT } from '../i18n';

export interface RegistryCheck {
  findings: RegistryFinding[];
  registry: { name: string; legalRepresentative: string } | null;
}

export function CounterConfirm(props: { value: CounterRegistration; check: RegistryCheck; busy: boolean; onBack(): void; onCreate(override: boolean): void }) {
  const t = useT();
  const { value, check } = props;
  const [override, setOverride] = useState(false);
  const doc = value.legalRepresentativeDocument;
  const warn = check.findings.length > 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('counter.confirmTitle')}</Typography.Title>
      <Typography.Paragraph>{t('counter.confirmIntro')}</Typography.Paragraph>
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 220 } }}>
        <Descriptions.Item label={t('counter.uscc')}>{value.enterprise.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('counter.name')}>{value.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label={t('counter.address')}>{value.enterprise.address}</Descriptions.Item>
        <Descriptions.Item label={t('counter.legalRepresentative')}>{value.enterprise.legalRepresentative}</Descriptions.Item>
        <Descriptions.Item label={t('counter.documentSection')}>
          {t(`counter.doc.${doc.type}`)} {doc.country ? `(${doc.country}) ` : ''}
          {doc.number}
        </Descriptions.Item>
        <Descriptions.Item label={t('counter.visitor')}>
          {value.visitor.kind === 'agent' ? `${t('counter.visitor.agent')}：${value.visitor.name}（${value.visitor.idNumber}）` : t('counter.visitor.legalRepresentative')}
        </Descriptions.Item>
        <Descriptions.Item label={t('counter.confirm.accounts')}>
          {t('counter.confirm.accountsValue', { admin: value.administrator.name, legalRepresentative: value.enterprise.legalRepresentative })}
        </Descriptions.Item>
        <Descriptions.Item label={t('counter.confirm.smsTo')}>{maskMobile(value.administrator.mobile)}</Descriptions.Item>
      </Descriptions>
      {warn ? (
        <Alert
          type="warning"
          showIcon
          title={t('counter.confirm.registryWarning')}
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {check.findings.map((f) => (
                  <li key={f}>{t(`counter.finding.${f}`)}</li>
                ))}
              </ul>
              {check.registry ? <div>{t('counter.confirm.registryEntry', check.registry)}</div> : null}
              <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)} style={{ marginTop: 8 }}>
                {t('counter.override')}
              </Checkbox>
            </>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('counter.confirm.registryOk')} />
      )}
      <Space>
        <Button onClick={props.onBack}>{t('counter.back')}</Button>
        <Button type="primary" loading={props.busy} disabled={warn && !override} onClick={() => props.onCreate(warn && override)}>
          {t('counter.create')}
        </Button>
      </Space>
    </Space>
  );
}
