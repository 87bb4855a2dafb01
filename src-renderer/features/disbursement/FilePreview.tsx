import { DownloadOutlined } from '@ant-design/icons';
import { Button, Modal, Spin } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { saveFile, useStoredFile, type LoadedFile } from './stored-file';

/** A loaded file shown in place: an image, or a PDF in an iframe from its blob: URL. */
export function FileView({ file, title, height = 560 }: { file: LoadedFile; title: string; height?: number }) {
  return file.mediaType === 'application/pdf' ? (
    <iframe title={title} src={file.url} style={{ width: '100%', height, border: '1px solid #d9d9d9', borderRadius: 4, background: '#525659' }} />
  ) : (
    <div style={{ textAlign: 'center', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, padding: 8 }}>
      <img src={file.url} alt={title} style={{ maxWidth: '100%', maxHeight: height }} />
    </div>
  );
}

/** 查看 / 下载 a stored file (the stamped receipt, a certificate) in a dialog. */
export function FilePreviewModal(props: { sha256: string | null; fileName: string; title: string; onClose(): void; testId: string }) {
  const t = useT();
  const { file, error, reload } = useStoredFile(props.sha256, props.fileName);
  return (
    <Modal
      open={props.sha256 !== null}
      title={props.title}
      width={860}
      onCancel={props.onClose}
      footer={[
        <Button key="download" icon={<DownloadOutlined aria-hidden />} disabled={!file} onClick={() => file && saveFile(file)} data-testid={`${props.testId}-download`}>
          {t('disb.file.download')}
        </Button>,
        <Button key="close" type="primary" onClick={props.onClose}>
          {t('disb.form.close')}
        </Button>,
      ]}
    >
      <div data-testid={props.testId}>
        <ErrorAlert error={error} onRetry={reload} />
        {file ? <FileView file={file} title={props.title} /> : !error && <Spin description={t('disb.file.loading')} />}
      </div>
    </Modal>
  );
}
