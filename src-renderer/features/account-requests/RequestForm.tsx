import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { requestFormOf, type AccountRequestDraftForm } from '@shared/contract/account-request-draft';
import { accountRequestFormSchema, accountRequestRequirements, missingAccountRequestScans } from '@shared/contract/http/account-requests';
import type { AppError } from '@shared/contract/result';
import { checkForm, contractRule, fieldErrors } from '@shared/forms';
import type { MessageKey } from '@shared/i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { startAccountRequestAutosave, useAccountRequest, type RequestDraft } from '../../state/account-request';
import { RegistrationScans } from '../registration/StepUpload';

const NAMES = {
  authorisationLetter: 'acctreq.req.authorisationLetter',
  adminIdFront: 'acctreq.req.adminIdFront',
  adminIdBack: 'acctreq.req.adminIdBack',
  businessLicence: 'acctreq.req.businessLicence',
  changeNotice: 'acctreq.req.changeNotice',
} as const satisfies Record<string, MessageKey>;

/** Every field checked as typed with the contract's schema (the kind's form of the draft); the server's refusals beside the same fields. */
const issuesOf = (values: AccountRequestDraftForm) => checkForm(accountRequestFormSchema, requestFormOf(values)).issues;

/**
 * The request's form: the enterprise (read-only when it is the signed-in one or a correction), what changes, the
 * filer, the kind's stamped scans (under the attempt's upload token, as registration's), and the send.
 */
export function RequestForm({ draft, enterpriseFixed }: { draft: RequestDraft; enterpriseFixed: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountRequestDraftForm>();
  const serverIssues = useAccountRequest((s) => s.serverIssues);
  const { updateForm, setAttachment } = useAccountRequest.getState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const kind = draft.form.kind;
  const requirements = accountRequestRequirements[kind];
  const missing = missingAccountRequestScans(kind, Object.values(draft.attachments)).length;
  const fixed = enterpriseFixed || draft.requestId !== null;

  const restored = useAccountRequest((s) => s.restored);
  // Kept on this PC as typed (DESIGN.md decision 7): a crash or a closed window loses nothing.
  useEffect(() => startAccountRequestAutosave(), []);
  useEffect(() => {
    if (serverIssues.length) form.setFields(fieldErrors(serverIssues, locale) as Parameters<typeof form.setFields>[0]);
  }, [form, serverIssues, locale]);

  const field = (path: [string, string] | [string], label: MessageKey, input: ReactNode, opts: { optional?: boolean; extra?: string } = {}) => (
    <Form.Item name={path} label={t(label)} rules={[contractRule(issuesOf, path.join('.'), locale) as Rule]} extra={opts.extra} required={!opts.optional}>
      {input}
    </Form.Item>
  );
  const heading = (key: MessageKey) => (
    <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
      {t(key)}
    </Typography.Title>
  );

  const send = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.error(t('acctreq.fixErrors'));
      return;
    }
    setBusy(true);
    setError(null);
    const attachments = requirements.flatMap((r) => (draft.attachments[r] ? [draft.attachments[r]] : []));
    const current = useAccountRequest.getState().draft ?? draft;
    const r = await call((api) => api.accountRequests.submit({ form: current.form, attachments, ...(draft.requestId ? { requestId: draft.requestId } : {}) }));
    setBusy(false);
    if (r.ok) useAccountRequest.getState().submitted(r.value);
    else {
      setError(r.error);
      useAccountRequest.getState().refused(r.error);
    }
  };

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '220px' }}
      labelWrap
      wrapperCol={{ flex: 1 }}
      style={{ maxWidth: 800 }}
      initialValues={draft.form}
      onValuesChange={(_, all: AccountRequestDraftForm) => {
        const d = useAccountRequest.getState().draft?.form ?? draft.form;
        updateForm({
          ...d,
          enterprise: { ...d.enterprise, ...all.enterprise },
          administrator: { ...d.administrator, ...all.administrator },
          legalRepresentative: { ...d.legalRepresentative, ...all.legalRepresentative },
          filer: { ...d.filer, ...all.filer },
          newName: all.newName ?? d.newName,
          newAddress: all.newAddress ?? d.newAddress,
          superMobile: all.superMobile ?? d.superMobile,
        });
      }}
    >
      {restored && <Alert type="info" showIcon title={t('acctreq.draft.restored')} style={{ marginBottom: 16 }} data-testid="acctreq-restored" />}
      <Typography.Paragraph>{t(`acctreq.intro.${kind}`)}</Typography.Paragraph>
      {heading('acctreq.section.enterprise')}
      {field(['enterprise', 'uscc'], 'reg.form.uscc', <Input maxLength={22} readOnly={fixed} variant={fixed ? 'filled' : undefined} />)}
      {field(['enterprise', 'name'], 'reg.form.name', <Input maxLength={100} readOnly={fixed} variant={fixed ? 'filled' : undefined} />)}
      {kind === 'accountsUnknown' && field(['legalRepresentative', 'name'], 'acctreq.field.repName', <Input maxLength={50} />)}
      {kind === 'enterpriseChange' ? (
        <>
          {heading('acctreq.section.change')}
          {field(['newName'], 'acctreq.field.newName', <Input maxLength={100} />)}
          {field(['newAddress'], 'acctreq.field.newAddress', <Input maxLength={200} autoComplete="street-address" />)}
        </>
      ) : (
        <>
          {heading('acctreq.section.administrator')}
          {field(['administrator', 'name'], 'reg.form.adminName', <Input maxLength={50} autoComplete="off" />)}
          {field(['administrator', 'idNumber'], 'reg.form.adminId', <Input maxLength={22} autoComplete="off" />)}
          {field(['administrator', 'mobile'], 'reg.form.adminMobile', <Input maxLength={20} inputMode="tel" />, { extra: t('reg.form.adminMobileHint') })}
          {field(['administrator', 'email'], 'reg.form.adminEmail', <Input maxLength={254} inputMode="email" />, { optional: true })}
          {kind === 'accountsUnknown' &&
            field(['superMobile'], 'acctreq.field.superMobile', <Input maxLength={20} inputMode="tel" />, { optional: true, extra: t('acctreq.field.superMobileHint') })}
        </>
      )}
      {heading('acctreq.section.filer')}
      {field(['filer', 'name'], 'acctreq.field.filerName', <Input maxLength={50} autoComplete="name" />)}
      {field(['filer', 'mobile'], 'acctreq.field.filerMobile', <Input maxLength={20} inputMode="tel" autoComplete="tel" />)}
      {heading('acctreq.section.scans')}
      <RegistrationScans requirements={requirements} names={NAMES} attachments={draft.attachments} onUploaded={setAttachment} testIdPrefix="acctreq-" />
      {missing > 0 && <Alert type="info" showIcon title={t('acctreq.scansMissing', { count: requirements.length })} style={{ marginTop: 16 }} />}
      <ErrorAlert error={error} onRetry={() => void send()} style={{ marginTop: 16 }} />
      <Space style={{ marginTop: 24 }}>
        <Button type="primary" size="large" loading={busy} disabled={missing > 0} onClick={() => void send()} data-testid="acctreq-submit">
          {t(draft.requestId ? 'acctreq.resubmit' : 'acctreq.submit')}
        </Button>
      </Space>
    </Form>
  );
}
