import { CheckCircleFilled, FileImageOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call, subscribe } from '../../platform';
import { useRegistration, type Requirement } from '../../state/registration-draft';
import { ACCEPT, checkFile, formatSize } from './upload-file';

/** Reads a file as base64 (the client API carries binary content that way). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** One requirement: choose → checked here (type, size) → uploaded with progress → thumbnail or PDF icon → replace. */
export function UploadRow({ requirement, name, index, last }: { requirement: Requirement; name: string; index: number; last: boolean }) {
  const t = useT();
  const ref = useRegistration((s) => s.draft.attachments[requirement]);
  const setAttachment = useRegistration((s) => s.setAttachment);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [thumbnail, setThumbnail] = useState<string | null>(null);
  const [retry, setRetry] = useState<File | null>(null);

  useEffect(() => () => {
    if (thumbnail) URL.revokeObjectURL(thumbnail);
  }, [thumbnail]);

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
    const r = await call((api) => api.registration.upload({ requirement, fileName: file.name, content, uploadId }));
    off();
    setProgress(null);
    if (!r.ok) {
      setError(r.error);
      if (r.error.retriable) setRetry(file);
      return;
    }
    setAttachment(requirement, r.value);
    setThumbnail(checked.mediaType === 'application/pdf' ? null : URL.createObjectURL(file));
  };

  const uploading = progress !== null;
  const isPdf = ref?.mediaType === 'application/pdf';
  return (
    <li data-testid={`upload-${requirement}`} style={{ padding: '14px 16px', borderBottom: last ? 0 : '1px solid #f0f0f0' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center" wrap>
        <Space align="center" size={12}>
          <div style={{ width: 56, height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}>
            {ref && thumbnail ? (
              <img src={thumbnail} alt={t('reg.upload.previewOf', { name })} style={{ maxWidth: 54, maxHeight: 54 }} />
            ) : ref ? (
              isPdf ? (
                <FilePdfOutlined style={{ fontSize: 28, color: '#cf1322' }} aria-label={t('reg.upload.previewOf', { name })} />
              ) : (
                <FileImageOutlined style={{ fontSize: 28, color: '#1f5fbf' }} aria-label={t('reg.upload.previewOf', { name })} />
              )
            ) : (
              <UploadOutlined style={{ fontSize: 22, color: '#bfbfbf' }} aria-hidden />
            )}
          </div>
          <div>
            <Typography.Text strong>
              {index}. {name}
            </Typography.Text>
            <div>
              {uploading ? (
                <Tag color="processing">{t('reg.upload.uploading')}</Tag>
              ) : ref ? (
                <Space size={4}>
                  <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
                    {t('reg.upload.done')}
                  </Tag>
                  <Typography.Text type="secondary">
                    {ref.fileName} · {formatSize(ref.size)}
                  </Typography.Text>
                </Space>
              ) : (
                <Tag>{t('reg.upload.missing')}</Tag>
              )}
            </div>
          </div>
        </Space>
        <Space>
          {uploading && <Progress percent={progress} size="small" style={{ width: 160 }} aria-label={t('reg.upload.progress', { name })} />}
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            aria-label={t('reg.upload.inputLabel', { name })}
            data-testid={`upload-input-${requirement}`}
            style={{ display: 'none' }}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
          <Button
            icon={<UploadOutlined aria-hidden />}
            disabled={uploading}
            aria-label={ref ? t('reg.upload.replaceLabel', { name }) : t('reg.upload.chooseLabel', { name })}
            onClick={() => input.current?.click()}
          >
            {ref ? t('reg.upload.replace') : t('reg.upload.choose')}
          </Button>
        </Space>
      </Space>
      {error && <ErrorAlert error={error} onRetry={retry ? () => void upload(retry) : undefined} style={{ marginTop: 12 }} />}
    </li>
  );
}
