/**
 * 线下注册's form, rendered from the contract: the document type's select changes the number's rule (the contract's
 * identity document schema), who came changes the checklist and the scans asked for (`COUNTER_CHECKLIST`,
 * `counterScansRequired`), and every field shows the contract's issue for it.
 */
import { Card, Checkbox, Form, Input, Radio, Select, Space, Typography, type FormInstance, type FormRule } from 'antd';
import type { ReactNode } from 'react';
import { COUNTER_CHECKLIST, counterScansRequired, type CounterChecklistItem } from '@shared/contract/http/counter-registration';
import { contractRule } from '@shared/forms';
import { IDENTITY_DOCUMENT_TYPES } from '@shared/validation/identity-document';
import { useLang, useT } from '../i18n';
import type { MessageKey } from '../messages';
import { checkCounterForm, type CounterFormValues } from './counter-form';
import { ScanField } from './ScanField';

const issuesOf = (values: CounterFormValues) => checkCounterForm(values).issues;

export const initialCounterValues: Partial<CounterFormValues> = {
  legalRepresentativeDocument: { type: 'residentId', number: '' },
  visitor: { kind: 'legalRepresentative' },
  checklist: [],
  scans: {},
};

export function CounterForm({ form }: { form: FormInstance<CounterFormValues> }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const docType = Form.useWatch(['legalRepresentativeDocument', 'type'], form) ?? 'residentId';
  const kind = Form.useWatch(['visitor', 'kind'], form) ?? 'legalRepresentative';
  const rule = (path: string) => contractRule(issuesOf, path, lang) as FormRule;
  const field = (name: (string | number)[], label: MessageKey, input: ReactNode, extra?: MessageKey) => (
    <Form.Item name={name} label={t(label)} rules={[rule(name.join('.'))]} extra={extra ? t(extra) : undefined} required={name.at(-1) !== 'email'}>
      {input}
    </Form.Item>
  );
  const checkLabel = (item: CounterChecklistItem) => t(item === 'legalRepresentativeId' ? `counter.check.legalRepresentativeId.${kind}` : `counter.check.${item}`);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('counter.enterpriseSection')} size="small">
        {field(['enterprise', 'uscc'], 'counter.uscc', <Input maxLength={24} autoComplete="off" />)}
        {field(['enterprise', 'name'], 'counter.name', <Input maxLength={100} />)}
        {field(['enterprise', 'address'], 'counter.address', <Input maxLength={200} />)}
        {field(['enterprise', 'legalRepresentative'], 'counter.legalRepresentative', <Input maxLength={50} />)}
      </Card>
      <Card title={t('counter.documentSection')} size="small">
        <Form.Item name={['legalRepresentativeDocument', 'type']} label={t('counter.documentType')} required>
          <Select options={IDENTITY_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`counter.doc.${d}`) }))} />
        </Form.Item>
        {docType === 'passport' ? field(['legalRepresentativeDocument', 'country'], 'counter.documentCountry', <Input maxLength={3} style={{ width: 120 }} />, 'counter.documentCountryHint') : null}
        <Form.Item name={['legalRepresentativeDocument', 'number']} label={t('counter.documentNumber')} rules={[rule('legalRepresentativeDocument.number')]} dependencies={[['legalRepresentativeDocument', 'type'], ['legalRepresentativeDocument', 'country']]} required>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
      </Card>
      <Card title={t('counter.visitorSection')} size="small">
        <Form.Item name={['visitor', 'kind']} label={t('counter.visitor')} required>
          <Radio.Group options={(['legalRepresentative', 'agent'] as const).map((k) => ({ value: k, label: t(`counter.visitor.${k}`) }))} />
        </Form.Item>
        {kind === 'agent' ? (
          <>
            {field(['visitor', 'name'], 'counter.agentName', <Input maxLength={50} />)}
            {field(['visitor', 'idNumber'], 'counter.agentId', <Input maxLength={22} autoComplete="off" />)}
          </>
        ) : null}
      </Card>
      <Card title={t('counter.adminSection')} size="small">
        {field(['administrator', 'name'], 'counter.adminName', <Input maxLength={50} />)}
        {field(['administrator', 'mobile'], 'counter.adminMobile', <Input maxLength={20} inputMode="tel" />, 'counter.adminMobileHint')}
        {field(['administrator', 'email'], 'counter.adminEmail', <Input maxLength={254} inputMode="email" />)}
      </Card>
      <Card title={t('counter.checklistSection')} size="small">
        <Typography.Paragraph>{t('counter.checklistIntro')}</Typography.Paragraph>
        <Form.Item name="checklist" rules={[rule('checklist')]} dependencies={[['visitor', 'kind']]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={COUNTER_CHECKLIST[kind].map((item) => ({ value: item, label: checkLabel(item) }))} />
        </Form.Item>
      </Card>
      <Card title={t('counter.scansSection')} size="small" extra={<Typography.Text type="secondary">{t('counter.scan.types')}</Typography.Text>}>
        {counterScansRequired(kind).map((scan) => (
          <Form.Item key={scan} name={['scans', scan]} label={t(`counter.scan.${scan}`)} rules={[rule(`scans.${scan}`)]} required>
            <ScanField label={t(`counter.scan.${scan}`)} />
          </Form.Item>
        ))}
      </Card>
    </Space>
  );
}
