import { App, Form, Input, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import type { ReactNode } from 'react';
import type { RegistrationForm } from '@shared/contract/client-api';
import { validationMessage } from '../../errors/describe';
import { useLocale, useT } from '../../i18n/store';
import { useRegistration } from '../../state/registration-draft';
import { FIELD_MAX, fieldProblem, type FieldName } from './form-rules';
import { StepNav } from './StepNav';

type Values = Pick<RegistrationForm, 'enterprise' | 'administrator'>;

/**
 * 3 企业注册信息 + 管理员授权委托信息 (manual 001, 2.1): USCC and name from the certificate, read-only; the rest
 * checked as the clerk types with the shared validators. Every change goes to the draft (and so is autosaved).
 */
export function StepForm() {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const draft = useRegistration((s) => s.draft);
  const updateForm = useRegistration((s) => s.updateForm);

  const rule = (field: FieldName, label: string): Rule => ({
    validator: async (_, value: string | undefined) => {
      const problem = fieldProblem(field, value);
      if (!problem) return;
      if (problem === 'required') throw new Error(t('reg.form.required', { field: label }));
      if (problem === 'tooLong') throw new Error(t('reg.form.tooLong', { max: FIELD_MAX[field] }));
      if (problem === 'emailFormat') throw new Error(t('reg.form.emailFormat'));
      throw new Error(validationMessage(problem, locale));
    },
  });

  const field = (name: [keyof Values, string], fieldName: FieldName, label: string, input: ReactNode, extra?: string) => (
    <Form.Item name={name} label={label} rules={[rule(fieldName, label)]} extra={extra} required={fieldName !== 'email'}>
      {input}
    </Form.Item>
  );

  const readOnly = { readOnly: true, variant: 'filled' as const };
  const labels = {
    uscc: t('reg.form.uscc'),
    name: t('reg.form.name'),
    address: t('reg.form.address'),
    legalRepresentative: t('reg.form.legalRepresentative'),
    adminName: t('reg.form.adminName'),
    idNumber: t('reg.form.adminId'),
    mobile: t('reg.form.adminMobile'),
    email: t('reg.form.adminEmail'),
  };

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
      {field(['enterprise', 'uscc'], 'uscc', labels.uscc, <Input {...readOnly} />, t('reg.form.fromCertificate'))}
      {draft.nameFromCertificate
        ? field(['enterprise', 'name'], 'name', labels.name, <Input {...readOnly} />, t('reg.form.fromCertificate'))
        : field(['enterprise', 'name'], 'name', labels.name, <Input maxLength={FIELD_MAX.name} />)}
      {field(['enterprise', 'address'], 'address', labels.address, <Input maxLength={FIELD_MAX.address} autoComplete="street-address" />)}
      {field(['enterprise', 'legalRepresentative'], 'legalRepresentative', labels.legalRepresentative, <Input maxLength={FIELD_MAX.legalRepresentative} />)}

      <Typography.Title level={4} style={{ fontSize: 16, marginTop: 24 }}>
        {t('reg.form.adminSection')}
      </Typography.Title>
      {field(['administrator', 'name'], 'adminName', labels.adminName, <Input maxLength={FIELD_MAX.adminName} autoComplete="name" />)}
      {field(['administrator', 'idNumber'], 'idNumber', labels.idNumber, <Input maxLength={22} autoComplete="off" />)}
      {field(['administrator', 'mobile'], 'mobile', labels.mobile, <Input maxLength={FIELD_MAX.mobile} inputMode="tel" autoComplete="tel" />, t('reg.form.adminMobileHint'))}
      {field(['administrator', 'email'], 'email', labels.email, <Input maxLength={FIELD_MAX.email} inputMode="email" autoComplete="email" />)}

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
