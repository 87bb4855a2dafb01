import { Button, Checkbox, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { DisbursementView } from '@shared/contract/http/disbursement';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { FileView } from './FilePreview';
import type { LoadedFile } from './stored-file';

/** The receipt about to be submitted: a file uploaded on the PC, or the phone's photo. */
export interface ReceiptCandidate {
  sha256: string;
  source: 'pc' | 'phone';
}

/**
 * The last check before submitting (manual 001 §2: 再次核对收据信息是否正确，且是否有加盖财务章或公章): the receipt as
 * it will be submitted, the clerk's confirmation, then 确认提交.
 */
export function ReceiptCheck(props: {
  applicationId: string;
  candidate: ReceiptCandidate;
  file: LoadedFile | null;
  fileError?: AppError | null;
  onRetryFile?: () => void;
  onSubmitted(view: DisbursementView): void;
  onDiscard(): void;
}) {
  const t = useT();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await call((api) => api.disbursement.submitReceipt({ applicationId: props.applicationId, sha256: props.candidate.sha256, source: props.candidate.source }));
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    props.onSubmitted(r.value);
  };

  return (
    <div data-testid="disb-receipt-check" style={{ marginTop: 12 }}>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        {t('disb.check.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('disb.check.intro')}</Typography.Paragraph>
      <ErrorAlert error={props.fileError ?? null} {...(props.onRetryFile ? { onRetry: props.onRetryFile } : {})} style={{ marginBottom: 12 }} />
      {props.file ? (
        <div data-testid="disb-receipt-check-preview">
          <FileView file={props.file} title={t('disb.check.preview')} height={420} />
        </div>
      ) : (
        !props.fileError && <Spin description={t('disb.check.loading')} />
      )}
      <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} style={{ marginTop: 12 }} data-testid="disb-receipt-confirm">
        {t('disb.check.confirm')}
      </Checkbox>
      <ErrorAlert error={error} onRetry={() => void submit()} style={{ marginTop: 12 }} />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" disabled={!confirmed} loading={busy} onClick={() => void submit()} data-testid="disb-receipt-submit">
          {t('disb.check.submit')}
        </Button>
        <Button onClick={props.onDiscard} disabled={busy} data-testid="disb-receipt-discard">
          {props.candidate.source === 'phone' ? t('disb.check.retake') : t('disb.check.discard')}
        </Button>
      </Space>
    </div>
  );
}
