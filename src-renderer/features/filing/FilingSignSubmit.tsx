import { DownloadOutlined, FilePdfOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FilingFormValue } from '@shared/contract/http/filing';
import type { AppError } from '@shared/contract/result';
import type { FormCheck } from '@shared/forms';
import { chinaDateTime } from '@shared/time/china';
import { KeySign } from '../../certificates/KeySign';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useFiling } from '../../state/filing';
import { formIdentity } from '../../state/filing-form';
import { blobFile, saveFile } from '../disbursement/stored-file';
import { FileView } from '../disbursement/FilePreview';

/**
 * 生成申请表 → preview → 签章（江苏CA） → 提交. Main makes the PDF from the checked form and keeps it, then the signed
 * one, with the filing (`filing.prepared`); a form changed after generating needs a new PDF (the server compares the
 * signed PDF with the one it generates from the submitted data), so the preview then gives way to a note.
 */
export function FilingSignSubmit(props: { check: FormCheck<FilingFormValue>; onBlocked(): void; onSubmitted(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { view, prepared, setPrepared, refused, submitted } = useFiling();
  const [busy, setBusy] = useState<'generate' | 'submit' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const current = props.check.ok ? formIdentity(props.check.value) : null;
  const stale = prepared !== null && formIdentity(prepared.form) !== current;
  const file = useMemo(() => (prepared && !stale ? blobFile(prepared.pdf, 'application/pdf', prepared.fileName) : null), [prepared, stale]);
  useEffect(() => () => {
    if (file) URL.revokeObjectURL(file.url);
  }, [file]);
  if (!view) return null;
  const resubmit = view.status === 'returned';

  const generate = async () => {
    setError(null);
    if (!props.check.ok) {
      props.onBlocked();
      return;
    }
    setBusy('generate');
    const form = props.check.value;
    const r = await call((api) => api.filing.generate({ filingId: view.id, form }));
    setBusy(null);
    if (r.ok) setPrepared(r.value);
    else if (!refused(r.error)) setError(r.error);
    else props.onBlocked();
  };
  const sign = async (fingerprint: string, pin?: string) => {
    const r = await call((api) => api.filing.sign({ filingId: view.id, fingerprint, ...(pin === undefined ? {} : { pin }) }));
    if (r.ok) setPrepared(r.value);
    return r;
  };
  const submit = async () => {
    setError(null);
    setBusy('submit');
    const r = await call((api) => api.filing.submit({ filingId: view.id }));
    setBusy(null);
    if (!r.ok) {
      if (!refused(r.error)) setError(r.error);
      // A PDF the server would not take is gone from main's keeping only when submitted: ask main what it still has.
      const kept = await call((api) => api.filing.prepared({ filingId: view.id }));
      if (kept.ok) setPrepared(kept.value);
      return;
    }
    await submitted(r.value);
    void message.success(resubmit ? t('filing.submit.resubmitted', { version: r.value.version }) : t('filing.submit.submitted'));
    props.onSubmitted();
  };

  return (
    <section aria-labelledby="filing-pdf" data-testid="filing-pdf-section">
      <Typography.Title level={3} id="filing-pdf" style={{ fontSize: 16 }}>
        {t('filing.pdf.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('filing.pdf.intro')}</Typography.Paragraph>
      <Space wrap>
        <Button type={prepared && !stale ? 'default' : 'primary'} icon={<FilePdfOutlined aria-hidden />} loading={busy === 'generate'} onClick={() => void generate()} data-testid="filing-generate">
          {prepared ? t('filing.pdf.regenerate') : t('filing.pdf.generate')}
        </Button>
        {file && (
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => saveFile(file)} data-testid="filing-pdf-download">
            {t('forms.print.download')}
          </Button>
        )}
      </Space>
      {stale && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('filing.pdf.stale')} data-testid="filing-pdf-stale" />}
      <ErrorAlert error={error} onRetry={() => void (prepared?.stage === 'signed' ? submit() : generate())} style={{ marginTop: 12 }} />
      {prepared && file && (
        <div style={{ marginTop: 16 }} data-testid="filing-pdf-preview">
          <Space style={{ marginBottom: 8 }} wrap>
            {prepared.stage === 'signed' ? (
              <Tag color="success" data-testid="filing-pdf-signed">
                {t('filing.pdf.signed', { time: prepared.signedAt ? chinaDateTime(prepared.signedAt) : '—' })}
              </Tag>
            ) : (
              <Tag color="processing">{t('filing.pdf.unsigned', { date: prepared.preparedOn })}</Tag>
            )}
            {prepared.level && <Typography.Text type="secondary">{t(`pades.level.${prepared.level}`)}</Typography.Text>}
          </Space>
          {prepared.level && (
            <Alert type={prepared.level === 'B-B' ? 'info' : 'success'} showIcon style={{ marginBottom: 8 }} data-testid="filing-pdf-level" title={t(prepared.level === 'B-B' ? 'filing.pdf.levelBB' : 'filing.pdf.levelBT')} />
          )}
          <FileView file={file} title={t('filing.pdf.previewTitle', { name: prepared.fileName })} height={640} />
        </div>
      )}
      {prepared && !stale && prepared.stage === 'generated' && (
        <div style={{ maxWidth: 520, marginTop: 16 }} data-testid="filing-sign">
          <Typography.Title level={4} style={{ fontSize: 15 }}>
            {t('filing.sign.title')}
          </Typography.Title>
          <Typography.Paragraph>{t('filing.sign.intro', { uscc: view.enterprise.uscc })}</Typography.Paragraph>
          <KeySign purpose="registration" expectedUscc={view.enterprise.uscc} pinId="filing-sign-pin" submitLabel={t('filing.sign.submit')} action={sign} />
        </div>
      )}
      {prepared && !stale && prepared.stage === 'signed' && (
        <div style={{ marginTop: 16 }}>
          <Button type="primary" size="large" icon={<SendOutlined aria-hidden />} loading={busy === 'submit'} onClick={() => void submit()} data-testid="filing-submit">
            {resubmit ? t('filing.submit.resubmit') : t('filing.submit.submit')}
          </Button>
        </div>
      )}
    </section>
  );
}
