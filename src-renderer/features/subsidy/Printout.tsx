import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { blobFile, saveFile, type LoadedFile } from '../disbursement/stored-file';

/** What a preview shows: base64 bytes, their type and the name to save them under. */
export interface PreviewFile {
  content: string;
  mediaType: string;
  fileName: string;
}

/** A printout made by main (`{ pdf, fileName }`) as a file to preview. */
export const pdfFile = (r: Result<{ pdf: string; fileName: string }>): Result<PreviewFile> =>
  r.ok ? { ok: true, value: { content: r.value.pdf, mediaType: 'application/pdf', fileName: r.value.fileName } } : r;

/**
 * A file shown on click in a dialog (a blob: URL, nothing written to disk) to download or print from there: the
 * application's printouts made by main (补贴申请表, 申请副本) and the files the clerk uploaded (issue 21 items 6, 15).
 * `ariaLabel` names what it opens when the visible label alone (查看) would not; it starts with the label.
 */
export function Printout(props: { label: string; ariaLabel?: string; testId: string; primary?: boolean; size?: 'small'; generate(): Promise<Result<PreviewFile>> }) {
  const t = useT();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => () => {
    if (file) URL.revokeObjectURL(file.url);
  }, [file]);

  const generate = async () => {
    setBusy(true);
    setError(null);
    const r = await props.generate();
    setBusy(false);
    if (r.ok) setFile(blobFile(r.value.content, r.value.mediaType, r.value.fileName));
    else setError(r.error);
  };

  return (
    <>
      <Button
        type={props.primary ? 'primary' : 'default'}
        icon={<FilePdfOutlined aria-hidden />}
        loading={busy}
        {...(props.ariaLabel ? { 'aria-label': props.ariaLabel } : {})}
        {...(props.size ? { size: props.size } : {})}
        data-testid={props.testId}
        onClick={() => void generate()}
      >
        {props.label}
      </Button>
      <ErrorAlert error={error} onRetry={() => void generate()} style={{ marginTop: 8 }} />
      <Modal
        open={file !== null}
        title={file ? t('forms.print.preview', { name: file.fileName }) : ''}
        width={860}
        onCancel={() => setFile(null)}
        footer={
          file && (
            <Space>
              <Button onClick={() => setFile(null)}>{t('forms.print.close')}</Button>
              <Button icon={<DownloadOutlined aria-hidden />} onClick={() => saveFile(file)} data-testid={`${props.testId}-download`}>
                {t('forms.print.download')}
              </Button>
              <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => frame.current?.contentWindow?.print()}>
                {t('forms.print.print')}
              </Button>
            </Space>
          )
        }
      >
        {file && <iframe ref={frame} title={t('forms.print.preview', { name: file.fileName })} src={file.url} data-testid={`${props.testId}-preview`} style={{ width: '100%', height: 600, border: 0 }} />}
      </Modal>
    </>
  );
}
