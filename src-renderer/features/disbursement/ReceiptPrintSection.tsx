import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DisbursementView } from '@shared/contract/http/disbursement';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT, type Translate } from '../../i18n/store';
import { call } from '../../platform';
import { missingItems, type MissingItem } from './disbursement-logic';
import { blobFile, saveFile, type LoadedFile } from './stored-file';

export function missingText(item: MissingItem, t: Translate): string {
  switch (item.kind) {
    case 'employmentCertificate':
      return t('disb.missing.certificate', { name: item.name });
    case 'bankAccount':
      return t('disb.missing.bankAccount');
    case 'contact':
      return t('disb.missing.contact');
    default:
      return t('disb.missing.other', { what: item.what });
  }
}

/**
 * 3 打印收据: the receipt PDF the server generates, previewed in place and saved with "下载PDF打印" (Electron asks
 * where to save it; a browser downloads it). Both wait until nothing is missing, and say what is.
 */
export function ReceiptPrintSection({ view }: { view: DisbursementView }) {
  const t = useT();
  const [pdf, setPdf] = useState<LoadedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const missing = missingItems(view);
  const ready = missing.length === 0;
  // The receipt prints the bank account and contact: a change makes the preview stale.
  const basis = `${view.applicationId}|${view.bankAccount?.id ?? ''}|${view.bankAccount?.updatedAt ?? ''}|${view.contact?.id ?? ''}|${view.contact?.updatedAt ?? ''}|${view.missing.join(',')}`;
  const [shownFor, setShownFor] = useState(basis);

  useEffect(() => () => {
    if (pdf) URL.revokeObjectURL(pdf.url);
  }, [pdf]);
  if (shownFor !== basis) {
    setShownFor(basis);
    setPdf(null);
  }

  const generate = async (): Promise<LoadedFile | null> => {
    setBusy(true);
    setError(null);
    const r = await call((api) => api.disbursement.receiptPdf({ applicationId: view.applicationId }));
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    const file = blobFile(r.value.pdf, 'application/pdf', r.value.fileName);
    setPdf(file);
    return file;
  };
  const download = async () => {
    const file = pdf ?? (await generate());
    if (file) saveFile(file);
  };

  return (
    <section aria-labelledby="disb-print" style={{ marginTop: 24 }}>
      <Typography.Title level={3} id="disb-print" style={{ fontSize: 16 }}>
        {t('disb.step.print')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('disb.step.printHint')}</Typography.Paragraph>
      {!ready && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('disb.missing.title')}
          data-testid="disb-missing"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {missing.map((m, i) => (
                <li key={i}>{missingText(m, t)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<FilePdfOutlined aria-hidden />} disabled={!ready} loading={busy && !pdf} onClick={() => void generate()} data-testid="disb-receipt-preview">
          {pdf ? t('disb.print.refresh') : t('disb.print.preview')}
        </Button>
        <Button type="primary" icon={<DownloadOutlined aria-hidden />} disabled={!ready} onClick={() => void download()} data-testid="disb-receipt-download">
          {t('disb.print.download')}
        </Button>
        {pdf && (
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => frame.current?.contentWindow?.print()}>
            {t('disb.print.print')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={error} onRetry={() => void generate()} style={{ marginBottom: 12 }} />
      {busy && !pdf && (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin description={t('disb.print.loading')} />
        </div>
      )}
      {pdf && (
        <iframe
          ref={frame}
          title={t('disb.print.frame')}
          src={pdf.url}
          data-testid="disb-receipt-frame"
          style={{ width: '100%', height: 560, border: '1px solid #d9d9d9', borderRadius: 4, background: '#525659' }}
        />
      )}
    </section>
  );
}
