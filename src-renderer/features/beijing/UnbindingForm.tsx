import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AttachmentRef } from '@shared/contract/client-api';
import { unbindingBodySchema, type PlatformProfile } from '@shared/contract/http/beijing';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { RegistrationScans } from '../registration/StepUpload';
import { useContractField } from './fields';

interface Fields {
  reason: string;
  contact: { name: string; mobile: string };
}

const LETTER = ['unbindingLetter'] as const;

/** 申请解绑 (manual 004 Q&A 1): reason, the stamped documents, the contact staff call back; to the staff queue. */
export function UnbindingForm(props: { code: string; onDone(p: PlatformProfile): void }) {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const field = useContractField(unbindingBodySchema);
  const [letter, setLetter] = useState<AttachmentRef | undefined>();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Fields) => {
    if (!letter) return;
    setBusy(true);
    const r = await call((api) =>
      api.beijing.requestUnbinding({ code: props.code, reason: v.reason, contact: v.contact, documents: [{ sha256: letter.sha256, size: letter.size, mediaType: letter.mediaType }] }),
    );
    setBusy(false);
    if (r.ok) props.onDone(r.value);
    else setError(r.error);
  };

  return (
    <Card title={t('bj.unbind.title')} data-testid="bj-unbinding">
      <Typography.Paragraph>{t('bj.unbind.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy} style={{ maxWidth: 640 }}>
        {field(['reason'], 'bj.unbind.reason', <Input.TextArea maxLength={500} rows={3} data-testid="bj-unbind-reason" />)}
        {field(['contact', 'name'], 'bj.unbind.contactName', <Input maxLength={50} autoComplete="name" data-testid="bj-unbind-contact" />)}
        {field(['contact', 'mobile'], 'bj.unbind.contactMobile', <Input maxLength={20} inputMode="tel" data-testid="bj-unbind-mobile" />)}
        <div style={{ marginBottom: 16 }}>
          <RegistrationScans requirements={LETTER} names={{ unbindingLetter: 'bj.unbind.letter' }} attachments={{ unbindingLetter: letter }} onUploaded={(_, ref) => setLetter(ref)} testIdPrefix="bj-" />
        </div>
        <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Button type="primary" htmlType="submit" loading={busy} disabled={!letter} data-testid="bj-unbind-submit">
          {t('bj.unbind.submit')}
        </Button>
      </Form>
    </Card>
  );
}
