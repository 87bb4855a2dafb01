import { App, Form, Input, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import { useEffect, type ReactNode } from 'react';
import type { PreRegistrationDraftForm } from '@shared/contract/client-api';
import { contractRule, fieldErrors } from '@shared/forms';
import type { MessageKey } from '@shared/i18n/messages';
import { useLocale, useT } from '../../i18n/store';
import { usePreRegistration } from '../../state/pre-registration';
import { StepNav } from '../registration/StepNav';
import { usePreRegistrationSteps } from './nav';
import { checkPreRegistrationForm } from './pre-registration-form';

/** Input lengths: the contract's, with room for what its normalisation removes (spaces, +86, hyphens). */
const MAX = { name: 100, address: 200, person: 50, idNumber: 22, mobile: 20, email: 254 } as const;
type Section = keyof PreRegistrationDraftForm;

/**
 * 填写信息: the enterprise, the legal representative (checked online at submission) and the administrator, each
 * field checked as typed with the contract's schema; the server's refusals beside the same fields. A correction
 * keeps the enterprise (its USCC is read-only then).
 */
export function StepForm() {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PreRegistrationDraftForm>();
  const draft = usePreRegistration((s) => s.draft);
  const correcting = usePreRegistration((s) => s.request?.status === 'refused');
  const updateForm = usePreRegistration((s) => s.updateForm);
  const serverIssues = usePreRegistration((s) => s.serverIssues);
  const wizard = usePreRegistrationSteps();

  useEffect(() => {
    if (serverIssues.length) form.setFields(fieldErrors(serverIssues, locale) as Parameters<typeof form.setFields>[0]);
  }, [form, serverIssues, locale]);

  const issuesOf = (values: PreRegistrationDraftForm) => checkPreRegistrationForm(values).issues;
  const field = (section: Section, name: string, label: MessageKey, input: ReactNode, extra?: string) => (
    <Form.Item name={[section, name]} label={t(label)} rules={[contractRule(issuesOf, `${section}.${name}`, locale) as Rule]} extra={extra} required={name !== 'email'}>
      {input}
    </Form.Item>
  );
  const heading = (key: MessageKey) => (
    <Typography.Title level={4} style={{ fontSize: 16, marginTop: 16 }}>
      {t(key)}
    </Typography.Title>
  );

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '190px' }}
      labelWrap
      wrapperCol={{ flex: 1 }}
      style={{ maxWidth: 760 }}
      initialValues={draft.form}
      onValuesChange={(_, all: PreRegistrationDraftForm) =>
        updateForm({
          enterprise: { ...draft.form.enterprise, ...all.enterprise },
          legalRepresentative: { ...draft.form.legalRepresentative, ...all.legalRepresentative },
          administrator: { ...draft.form.administrator, ...all.administrator },
        })
      }
    >
      {heading('reg.form.enterpriseSection')}
      {field('enterprise', 'uscc', 'reg.form.uscc', <Input maxLength={22} readOnly={correcting} variant={correcting ? 'filled' : undefined} />, correcting ? t('prereg.form.usccFixed') : undefined)}
      {field('enterprise', 'name', 'reg.form.name', <Input maxLength={MAX.name} />)}
      {field('enterprise', 'address', 'reg.form.address', <Input maxLength={MAX.address} autoComplete="street-address" />)}
      {heading('prereg.form.repSection')}
      {field('legalRepresentative', 'name', 'prereg.form.repName', <Input maxLength={MAX.person} />)}
      {field('legalRepresentative', 'idNumber', 'prereg.form.repId', <Input maxLength={MAX.idNumber} autoComplete="off" />)}
      {field('legalRepresentative', 'mobile', 'prereg.form.repMobile', <Input maxLength={MAX.mobile} inputMode="tel" />, t('prereg.form.repMobileHint'))}
      {heading('reg.form.adminSection')}
      {field('administrator', 'name', 'reg.form.adminName', <Input maxLength={MAX.person} autoComplete="name" />)}
      {field('administrator', 'idNumber', 'reg.form.adminId', <Input maxLength={MAX.idNumber} autoComplete="off" />)}
      {field('administrator', 'mobile', 'reg.form.adminMobile', <Input maxLength={MAX.mobile} inputMode="tel" autoComplete="tel" />, t('reg.form.adminMobileHint'))}
      {field('administrator', 'email', 'reg.form.adminEmail', <Input maxLength={MAX.email} inputMode="email" autoComplete="email" />)}
      <StepNav
        wizard={wizard}
        onNext={async () => {
          try {
            await form.validateFields();
            return true;
          } catch {
            void message.error(t('reg.form.fixErrors'));
            return false;
          }
        }}
      />
    </Form>
  );
}
