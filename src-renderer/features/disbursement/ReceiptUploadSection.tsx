import { DownloadOutlined, EyeOutlined, MobileOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DisbursementView } from '@shared/contract/http/disbursement';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UploadSlot } from '../../components/UploadSlot';
import { formatSize } from '../../components/upload-file';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useDisbursement } from '../../state/disbursement';
import { dateTime } from '../subsidy/status';
import type { Stage } from './disbursement-logic';
import { FilePreviewModal } from './FilePreview';
import { PhoneUploadDialog } from './PhoneUploadDialog';
import { ReceiptCheck, type ReceiptCandidate } from './ReceiptCheck';
import { blobFile, saveFile, type LoadedFile } from './stored-file';

/**
 * 4 上传收据: the stamped receipt from a file on this PC (choose → uploaded → checked → 确认提交) or from a phone
 * (手机扫码上传). Once submitted, the receipt can be viewed and downloaded here; a returned one is uploaded again.
 */
export function ReceiptUploadSection({ view, stage }: { view: DisbursementView; stage: Stage }) {
  const t = useT();
  const { message } = App.useApp();
  const setView = useDisbursement((s) => s.setView);
  const [candidate, setCandidate] = useState<(ReceiptCandidate & { file: LoadedFile }) | null>(null);
  const [phone, setPhone] = useState(false);
  const [viewing, setViewing] = useState(false);
  const stamped = view.stampedReceipt;
  const stampedName = t('disb.file.stampedName', { number: view.receiptNumber });
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<AppError | null>(null);

  useEffect(() => () => {
    if (candidate) URL.revokeObjectURL(candidate.file.url);
  }, [candidate]);

  const downloadStamped = async (sha256: string) => {
    setDownloading(true);
    setDownloadError(null);
    const r = await call((api) => api.disbursement.downloadFile({ sha256, fileName: stampedName }));
    setDownloading(false);
    if (!r.ok) {
      setDownloadError(r.error);
      return;
    }
    const file = blobFile(r.value.content, r.value.mediaType, r.value.fileName);
    saveFile(file);
    // The click has started the download; the URL can go once it has been read.
    setTimeout(() => URL.revokeObjectURL(file.url), 60_000);
  };

  const submitted = (v: DisbursementView) => {
    setCandidate(null);
    setPhone(false);
    setView(v);
    void message.success(t('disb.check.submitted'));
  };

  return (
    <section aria-labelledby="disb-upload" style={{ marginTop: 24 }}>
      <Typography.Title level={3} id="disb-upload" style={{ fontSize: 16 }}>
        {t('disb.step.upload')}
      </Typography.Title>

      {stamped && (
        <div data-testid="disb-stamped" style={{ marginBottom: 16 }}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            title={<span style={{ fontSize: 14 }}>{t('disb.stamped.title')}</span>}
            items={[
              { key: 'source', label: t('disb.stamped.source'), children: <Tag data-testid="disb-stamped-source">{t(`disb.stamped.source.${stamped.source}`)}</Tag> },
              { key: 'at', label: t('disb.stamped.submittedAt'), children: dateTime(stamped.submittedAt) },
              { key: 'file', label: t('disb.stamped.file'), children: `${stamped.mediaType === 'application/pdf' ? 'PDF' : stamped.mediaType === 'image/png' ? 'PNG' : 'JPEG'} · ${formatSize(stamped.size)}` },
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Button icon={<EyeOutlined aria-hidden />} onClick={() => setViewing(true)} data-testid="disb-stamped-view">
              {t('disb.stamped.view')}
            </Button>
            <Button icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={() => void downloadStamped(stamped.sha256)} data-testid="disb-stamped-download">
              {t('disb.stamped.download')}
            </Button>
          </Space>
          <ErrorAlert error={downloadError} onRetry={() => void downloadStamped(stamped.sha256)} style={{ marginTop: 8 }} />
        </div>
      )}

      {!stage.canSubmitReceipt ? (
        stage.editable && <Typography.Paragraph type="secondary">{t('disb.upload.afterPrint')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('disb.step.uploadHint')}</Typography.Paragraph>
          {candidate ? (
            <ReceiptCheck
              applicationId={view.applicationId}
              candidate={candidate}
              file={candidate.file}
              onSubmitted={submitted}
              onDiscard={() => setCandidate(null)}
            />
          ) : (
            <>
              <ul style={{ margin: 0, padding: 0, border: '1px solid #f0f0f0', borderRadius: 6 }}>
                <UploadSlot
                  purpose="disbursement"
                  requirement="receipt"
                  name={t('disb.upload.pcName')}
                  title={t('disb.upload.pc')}
                  value={undefined}
                  onUploaded={async (ref, file) => {
                    // The chosen file, or (an upload that finished after a restart) the stored one, to check before submitting.
                    let loaded: LoadedFile = { url: file ? URL.createObjectURL(file) : '', mediaType: ref.mediaType, fileName: ref.fileName };
                    if (!file) {
                      const r = await call((api) => api.disbursement.downloadFile({ sha256: ref.sha256, fileName: ref.fileName }));
                      if (!r.ok) return r;
                      loaded = blobFile(r.value.content, r.value.mediaType, r.value.fileName);
                    }
                    setCandidate({ sha256: ref.sha256, source: 'pc', file: loaded });
                    return { ok: true, value: null };
                  }}
                  missing={<Typography.Text type="secondary">{t('disb.upload.pcHint')}</Typography.Text>}
                  testId="disb-receipt-file"
                  inputTestId="disb-receipt-file-input"
                  divider={false}
                  actions={
                    <Button type="primary" icon={<MobileOutlined aria-hidden />} onClick={() => setPhone(true)} data-testid="disb-phone-upload">
                      {t('disb.upload.phone')}
                    </Button>
                  }
                />
              </ul>
            </>
          )}
        </>
      )}

      <PhoneUploadDialog open={phone} view={view} onClose={() => setPhone(false)} onSubmitted={submitted} />
      <FilePreviewModal sha256={viewing && stamped ? stamped.sha256 : null} fileName={stampedName} title={t('disb.stamped.title')} onClose={() => setViewing(false)} testId="disb-stamped-preview" />
    </section>
  );
}
