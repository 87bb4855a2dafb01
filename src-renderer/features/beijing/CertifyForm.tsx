import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { AttachmentRef } from '@shared/contract/client-api';
import { certificationBodySchema, type PlatformProfile } from '@shared/contract/http/beijing';
import type { AppError } from '@shared/contract/result';
import { fieldErrors } from '@shared/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { CaptchaField, useCaptcha } from '../login/CaptchaField';
import { RegistrationScans } from '../registration/StepUpload';
import { useContractField } from './fields';

interface Fields {
  enterpriseName: string;
  code: string;
  legalRepresentative: { idType: 'residentId' | 'other'; name: string; idNumber: string };
  yzt: { username: string; password: string };
  captchaAnswer: string;
}

const DOCUMENT = ['identityDocument'] as const;

/**
 * 北京市统一身份认证平台 — 法人身份鉴证 and 创建账号 (manual 004 步骤3): the form as the manual shows it, its three
 * tips, the document upload for a legal representative from outside the mainland, and the 一证通 account.
 */
export function CertifyForm(props: { onDone(p: PlatformProfile): void; onRefused(e: AppError, code: string): void }) {
  const t = useT();
  const locale = useLocale();
  const [form] = Form.useForm<Fields>();
  const field = useContractField(certificationBodySchema);
  const captcha = useCaptcha();
  const idType = Form.useWatch(['legalRepresentative', 'idType'], form) ?? 'residentId';
  const [document, setDocument] = useState<AttachmentRef | undefined>();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Fields) => {
    if (!captcha.captcha) return;
    if (v.legalRepresentative.idType === 'other' && !document) {
      setError({ code: 'CERTIFICATION_DOCUMENT_REQUIRED', retriable: false });
      return;
    }
    setBusy(true);
    setError(null);
    const documents = v.legalRepresentative.idType === 'other' && document ? [{ sha256: document.sha256, size: document.size, mediaType: document.mediaType }] : [];
    const r = await call((api) =>
      api.beijing.certify({
        enterpriseName: v.enterpriseName,
        code: v.code,
        legalRepresentative: v.legalRepresentative,
        documents,
        yzt: v.yzt,
        captcha: { captchaId: captcha.captcha!.captchaId, answer: v.captchaAnswer.trim() },
      }),
    );
    setBusy(false);
    form.setFieldsValue({ captchaAnswer: '' });
    void captcha.refresh();
    if (r.ok) return props.onDone(r.value);
    setError(r.error);
    if (r.error.issues) form.setFields(fieldErrors(r.error.issues.map((i) => ({ ...i, path: i.path.replace(/^body\./, '') })), locale) as Parameters<typeof form.setFields>[0]);
    props.onRefused(r.error, v.code);
  };

  return (
    <Card title={t('bj.cert.title')} data-testid="bj-certify">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <ol style={{ margin: 0, paddingInlineStart: 18 }}>
            <li>{t('bj.cert.tip1')}</li>
            <li>{t('bj.cert.tip2')}</li>
            <li>{t('bj.cert.tip3')}</li>
          </ol>
        }
      />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy} initialValues={{ legalRepresentative: { idType: 'residentId' } }} style={{ maxWidth: 640 }}>
        {field(['enterpriseName'], 'bj.cert.enterpriseName', <Input maxLength={100} data-testid="bj-cert-name" />)}
        {field(['code'], 'bj.cert.code', <Input maxLength={22} data-testid="bj-cert-code" />)}
        <Form.Item name={['legalRepresentative', 'idType']} label={t('bj.cert.idType')}>
          <Radio.Group data-testid="bj-cert-idtype">
            <Radio value="residentId">{t('bj.cert.idType.residentId')}</Radio>
            <Radio value="other">{t('bj.cert.idType.other')}</Radio>
          </Radio.Group>
        </Form.Item>
        {field(['legalRepresentative', 'name'], 'bj.cert.legalName', <Input maxLength={50} data-testid="bj-cert-legal-name" />)}
        {field(['legalRepresentative', 'idNumber'], idType === 'other' ? 'bj.cert.idNumberOther' : 'bj.cert.idNumber', <Input maxLength={32} data-testid="bj-cert-id-number" />)}
        {idType === 'other' && (
          <div style={{ marginBottom: 16 }}>
            <RegistrationScans requirements={DOCUMENT} names={{ identityDocument: 'bj.cert.document' }} attachments={{ identityDocument: document }} onUploaded={(_, ref) => setDocument(ref)} testIdPrefix="bj-" />
          </div>
        )}
        <Typography.Title level={3} style={{ fontSize: 16 }}>
          {t('bj.cert.account')}
        </Typography.Title>
        {field(['yzt', 'username'], 'bj.cert.yztUsername', <Input maxLength={32} autoComplete="off" data-testid="bj-cert-yzt-username" />)}
        {field(['yzt', 'password'], 'bj.cert.yztPassword', <Input.Password maxLength={20} autoComplete="new-password" data-testid="bj-cert-yzt-password" />, t('bj.field.passwordHint'))}
        <CaptchaField state={captcha} />
        <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={!captcha.captcha} data-testid="bj-cert-submit">
          {t('bj.cert.submit')}
        </Button>
      </Form>
    </Card>
  );
}
