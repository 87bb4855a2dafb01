import { CheckCircleFilled, FilePdfOutlined, FileImageOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { AttachmentRef } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call, subscribe } from '../../platform';
import { ACCEPT, checkFile, formatSize } from '../registration/upload-file';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * One attachment requirement of the application or of a talent: choose → checked here (type, size) → uploaded with
 * progress (`upload.progress`) → file name and size → replace. A reviewer's comment on it is shown beside it.
 */
export function AttachmentRow(props: {
  requirement: string;
  /** The requirement's name as the clerk reads it (also the accessible names' subject). */
  name: string;
  value: AttachmentRef | undefined;
  onChange(ref: AttachmentRef): void;
  required: boolean;
  /** Show "请上传…" when required and missing (after a submit attempt). */
  showMissing: boolean;
  comment?: string | undefined;
  testId: string;
  disabled?: boolean;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [retry, setRetry] = useState<File | null>(null);
  const { name, value } = props;

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
    const r = await call((api) => api.subsidy.upload({ requirement: props.requirement, fileName: file.name, content, uploadId }));
    off();
    setProgress(null);
    if (!r.ok) {
      setError(r.error);
      if (r.error.retriable) setRetry(file);
      return;
    }
    props.onChange(r.value);
  };

  const uploading = progress !== null;
  const missing = props.showMissing && props.required && !value;
  return (
    <li data-testid={props.testId} style={{ padding: '10px 12px', borderBottom: '1px solid #f0f0f0', listStyle: 'none', background: props.comment ? '#fffbe6' : undefined }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center" wrap>
        <Space align="center" size={12}>
          {value ? (
            value.mediaType === 'application/pdf' ? (
              <FilePdfOutlined style={{ fontSize: 24, color: '#cf1322' }} aria-hidden />
            ) : (
              <FileImageOutlined style={{ fontSize: 24, color: '#1f5fbf' }} aria-hidden />
            )
          ) : (
            <UploadOutlined style={{ fontSize: 20, color: '#bfbfbf' }} aria-hidden />
          )}
          <div>
            <Typography.Text strong>{name}</Typography.Text>{' '}
            <Tag color={props.required ? 'red' : 'default'}>{props.required ? t('subsidy.upload.required') : t('subsidy.upload.optional')}</Tag>
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
                <Typography.Text type={missing ? 'danger' : 'secondary'}>{missing ? t('subsidy.problem.missing', { field: name }) : t('reg.upload.missing')}</Typography.Text>
              )}
            </div>
          </div>
        </Space>
        <Space>
          {uploading && <Progress percent={progress} size="small" style={{ width: 140 }} aria-label={t('reg.upload.progress', { name })} />}
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            aria-label={t('reg.upload.inputLabel', { name })}
            data-testid={`${props.testId}-input`}
            style={{ display: 'none' }}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
          <Button
            icon={<UploadOutlined aria-hidden />}
            disabled={uploading || props.disabled}
            aria-label={value ? t('reg.upload.replaceLabel', { name }) : t('reg.upload.chooseLabel', { name })}
            onClick={() => input.current?.click()}
          >
            {value ? t('reg.upload.replace') : t('reg.upload.choose')}
          </Button>
        </Space>
      </Space>
      {props.comment && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('subsidy.form.reviewerComment', { comment: props.comment })} />}
      {error && <ErrorAlert error={error} onRetry={retry ? () => void upload(retry) : undefined} style={{ marginTop: 8 }} />}
    </li>
  );
}
