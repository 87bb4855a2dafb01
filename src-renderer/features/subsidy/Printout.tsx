import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { blobFile, saveFile, type LoadedFile } from '../disbursement/stored-file';

/**
 * A printout of the application made by main (补贴申请表, 申请副本): generated on click, previewed in a dialog (a
 * blob: URL, nothing written to disk), downloaded or printed from there.
 */
export function Printout(props: { label: string; testId: string; primary?: boolean; generate(): Promise<Result<{ pdf: string; fileName: string }>> }) {
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
    if (r.ok) setFile(blobFile(r.value.pdf, 'application/pdf', r.value.fileName));
    else setError(r.error);
  };

  return (
    <>
      <Button
        type={props.primary ? 'primary' : 'default'}
        icon={<FilePdfOutlined aria-hidden />}
        loading={busy}
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
