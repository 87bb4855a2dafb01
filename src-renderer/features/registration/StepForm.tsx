import { App, Form, Input, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import type { ReactNode } from 'react';
import type { RegistrationForm } from '@shared/contract/client-api';
import { contractRule } from '@shared/forms';
import { useLocale, useT } from '../../i18n/store';
import { useRegistration } from '../../state/registration-draft';
import { checkRegistrationForm } from './registration-form';
import { useServerIssues } from './use-server-issues';
import { StepNav } from './StepNav';

type Values = Pick<RegistrationForm, 'enterprise' | 'administrator'>;

/** Input lengths: what the contract allows, with room for what its normalisation removes (spaces, +86, hyphens). */
const MAX = { name: 100, address: 200, legalRepresentative: 50, adminName: 50, idNumber: 22, mobile: 20, email: 254 } as const;

/**
 * 3 企业注册信息 + 管理员授权委托信息 (manual 001, 2.1): USCC and name from the certificate, read-only; the rest
 * checked as the clerk types with the contract's schemas, and the server's refusals shown beside the same fields.
 * Every change goes to the draft (and so is autosaved).
 */
export function StepForm() {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const draft = useRegistration((s) => s.draft);
  const updateForm = useRegistration((s) => s.updateForm);

  useServerIssues(form);
  const issuesOf = (values: Values) => checkRegistrationForm(values).issues;
  const field = (name: [keyof Values, string], label: string, input: ReactNode, extra?: string) => (
    <Form.Item name={name} label={label} rules={[contractRule(issuesOf, name.join('.'), locale) as Rule]} extra={extra} required={name[1] !== 'email'}>
      {input}
    </Form.Item>
  );

  const readOnly = { readOnly: true, variant: 'filled' as const };

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '180px' }}
      labelWrap
      wrapperCol={{ flex: 1 }}
      style={{ maxWidth: 760 }}
      initialValues={{ enterprise: draft.form.enterprise, administrator: draft.form.administrator }}
      onValuesChange={(_, all: Values) =>
        updateForm({
          caProfile: draft.form.caProfile,
          enterprise: { ...draft.form.enterprise, ...all.enterprise },
          administrator: { ...draft.form.administrator, ...all.administrator },
        })
      }
    >
      <Typography.Title level={4} style={{ fontSize: 16 }}>
        {t('reg.form.enterpriseSection')}
      </Typography.Title>
      {field(['enterprise', 'uscc'], t('reg.form.uscc'), <Input {...readOnly} />, t('reg.form.fromCertificate'))}
      {draft.nameFromCertificate
        ? field(['enterprise', 'name'], t('reg.form.name'), <Input {...readOnly} />, t('reg.form.fromCertificate'))
        : field(['enterprise', 'name'], t('reg.form.name'), <Input maxLength={MAX.name} />)}
      {field(['enterprise', 'address'], t('reg.form.address'), <Input maxLength={MAX.address} autoComplete="street-address" />)}
      {field(['enterprise', 'legalRepresentative'], t('reg.form.legalRepresentative'), <Input maxLength={MAX.legalRepresentative} />)}

      <Typography.Title level={4} style={{ fontSize: 16, marginTop: 24 }}>
        {t('reg.form.adminSection')}
      </Typography.Title>
      {field(['administrator', 'name'], t('reg.form.adminName'), <Input maxLength={MAX.adminName} autoComplete="name" />)}
      {field(['administrator', 'idNumber'], t('reg.form.adminId'), <Input maxLength={MAX.idNumber} autoComplete="off" />)}
      {field(['administrator', 'mobile'], t('reg.form.adminMobile'), <Input maxLength={MAX.mobile} inputMode="tel" autoComplete="tel" />, t('reg.form.adminMobileHint'))}
      {field(['administrator', 'email'], t('reg.form.adminEmail'), <Input maxLength={MAX.email} inputMode="email" autoComplete="email" />)}

      <StepNav
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
