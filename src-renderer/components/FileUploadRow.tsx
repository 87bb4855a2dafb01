import { CheckCircleFilled, FileImageOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AttachmentRef } from '@shared/contract/client-api';
import type { AppError, Result } from '@shared/contract/result';
import { useT } from '../i18n/store';
import { subscribe } from '../platform';
import { ErrorAlert } from './ErrorAlert';
import { ACCEPT, checkFile, formatSize, readBase64 } from './upload-file';

/** What a row shows of the file it holds. */
export type UploadedFile = Pick<AttachmentRef, 'fileName' | 'size' | 'mediaType'>;

/** The file as the client API's upload methods take it; `uploadId` tags its `upload.progress` events. */
export interface FileToUpload {
  fileName: string;
  content: string;
  uploadId: string;
}

/**
 * One file to upload (registration scans, subsidy attachments, disbursement certificates and receipts): choose →
 * checked here (type, size, as the server would) → uploaded with progress (`upload.progress`) → name and size →
 * replace. `upload` is the feature's client-API call (it may record the file too); its error is shown in the row,
 * with 重试 when retriable.
 */
export function FileUploadRow(props: {
  /** The file's name as the clerk reads it (the accessible names' subject). */
  name: string;
  /** Shown in bold; `name` when absent. */
  title?: ReactNode;
  /** Beside the title (required/optional). */
  tags?: ReactNode;
  value: UploadedFile | undefined;
  upload(file: FileToUpload): Promise<Result<AttachmentRef>>;
  onUploaded?(ref: AttachmentRef, file: File): void;
  /** What is shown while there is no file. */
  missing?: ReactNode;
  /** A 56-px preview box (images shown) instead of the small type icon. */
  thumbnail?: boolean;
  /** `data-testid` of the row; the hidden file input gets `inputTestId`. */
  testId: string;
  inputTestId: string;
  disabled?: boolean;
  /** Shows the file without the choose/replace button (nothing may change now). */
  readOnly?: boolean;
  /** Highlighted (a reviewer commented on it). */
  highlight?: boolean;
  /** More buttons beside "选择文件" (e.g. view). */
  actions?: ReactNode;
  /** Below the row (a comment, a note). */
  children?: ReactNode;
  padding?: string;
  divider?: boolean;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [retry, setRetry] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const { name, value } = props;

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  const upload = async (file: File) => {
    setError(null);
    setRetry(null);
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const checked = checkFile(file, head);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    let content: string;
    try {
      content = await readBase64(file);
    } catch {
      setError({ code: 'FILE_READ_FAILED', retriable: false });
      return;
    }
    const uploadId = crypto.randomUUID();
    setProgress(0);
    const off = subscribe('upload.progress', (p) => {
      if (p.uploadId === uploadId && p.total > 0) setProgress(Math.min(100, Math.round((p.sent / p.total) * 100)));
    });
    const r = await props.upload({ fileName: file.name, content, uploadId });
    off();
    setProgress(null);
    if (!r.ok) {
      setError(r.error);
      if (r.error.retriable) setRetry(file);
      return;
    }
    if (props.thumbnail) setPreview(checked.mediaType === 'application/pdf' ? null : URL.createObjectURL(file));
    props.onUploaded?.(r.value, file);
  };

  const uploading = progress !== null;
  const typeIcon = (size: number) =>
    value?.mediaType === 'application/pdf' ? (
      <FilePdfOutlined style={{ fontSize: size, color: '#cf1322' }} aria-label={t('reg.upload.previewOf', { name })} />
    ) : (
      <FileImageOutlined style={{ fontSize: size, color: '#1f5fbf' }} aria-label={t('reg.upload.previewOf', { name })} />
    );
  return (
    <li
      data-testid={props.testId}
      style={{
        padding: props.padding ?? '10px 12px',
        borderBottom: props.divider === false ? 0 : '1px solid #f0f0f0',
        listStyle: 'none',
        background: props.highlight ? '#fffbe6' : undefined,
      }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center" wrap>
        <Space align="center" size={12}>
          {props.thumbnail ? (
            <div style={{ width: 56, height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}>
              {value && preview ? (
                <img src={preview} alt={t('reg.upload.previewOf', { name })} style={{ maxWidth: 54, maxHeight: 54 }} />
              ) : value ? (
                typeIcon(28)
              ) : (
                <UploadOutlined style={{ fontSize: 22, color: '#bfbfbf' }} aria-hidden />
              )}
            </div>
          ) : value ? (
            typeIcon(24)
          ) : (
            <UploadOutlined style={{ fontSize: 20, color: '#bfbfbf' }} aria-hidden />
          )}
          <div>
            <Typography.Text strong>{props.title ?? name}</Typography.Text>
            {props.tags && <> {props.tags}</>}
            <div>
              {uploading ? (
                <Tag color="processing">{t('reg.upload.uploading')}</Tag>
              ) : value ? (
                <Space size={4}>
                  <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
                    {t('reg.upload.done')}
                  </Tag>
                  <Typography.Text type="secondary">
                    {value.fileName} · {formatSize(value.size)}
                  </Typography.Text>
                </Space>
              ) : (
                (props.missing ?? <Tag>{t('reg.upload.missing')}</Tag>)
              )}
            </div>
          </div>
        </Space>
        <Space wrap>
          {uploading && <Progress percent={progress} size="small" style={{ width: 150 }} aria-label={t('reg.upload.progress', { name })} />}
          {props.actions}
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            aria-label={t('reg.upload.inputLabel', { name })}
            data-testid={props.inputTestId}
            style={{ display: 'none' }}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
          {!props.readOnly && (
            <Button
              icon={<UploadOutlined aria-hidden />}
              disabled={uploading || props.disabled}
              aria-label={value ? t('reg.upload.replaceLabel', { name }) : t('reg.upload.chooseLabel', { name })}
              onClick={() => input.current?.click()}
            >
              {value ? t('reg.upload.replace') : t('reg.upload.choose')}
            </Button>
          )}
        </Space>
      </Space>
      {props.children}
      {error && <ErrorAlert error={error} onRetry={retry ? () => void upload(retry) : undefined} style={{ marginTop: 8 }} />}
    </li>
  );
}
