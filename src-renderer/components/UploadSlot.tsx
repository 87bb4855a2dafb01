import { CheckCircleFilled, FileImageOutlined, FilePdfOutlined, PauseCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Tag, Typography } from 'antd';
import { useRef, type ReactNode } from 'react';
import type { AttachmentRef, UploadPurpose } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { useT } from '../i18n/store';
import { ErrorAlert } from './ErrorAlert';
import { problemMark } from './problems';
import { ACCEPT, formatSize } from './upload-file';
import { useSlotUpload } from './use-slot-upload';

/** What a slot shows of the file it holds. */
export type UploadedFile = Pick<AttachmentRef, 'fileName' | 'size' | 'mediaType'>;

/**
 * The one upload component of every flow (registration scans, subsidy attachments, disbursement certificates and
 * receipts): choose → checked here (type by content, size, as the server would) → handed to main, which sends it
 * over tus with progress (`upload.progress`) → "paused — resumes when the network is back" while the line is down
 * (main goes on by itself; 重试 tries now) → name and size, preview → replace. The file's name is the one put in
 * this slot. After a restart the slot finds its unfinished upload again (by `slot`) and shows it to the end.
 * `onUploaded` receives the server's AttachmentRef (the SHA-256 signatures carry) and may record it (its error is
 * shown in the slot).
 */
/** What every upload slot is told: which material, how it reads, its marks, its test ids and layout. */
export interface SlotProps {
  purpose: UploadPurpose;
  requirement: string;
  /** The name as the clerk reads it (the accessible names' subject). */
  name: string;
  /** Shown in bold; `name` when absent. */
  title?: ReactNode;
  /** Tagged 必需/可选 when given. */
  required?: boolean;
  /** A required slot still empty after a submit attempt: says "请上传…" in red. */
  flagMissing?: boolean;
  /** A reviewer's comment on this slot: highlighted, the comment below. */
  comment?: string | undefined;
  /** The comment is not answered yet (the files are as returned): marked as a problem (problems.ts). */
  flagged?: boolean;
  /** `data-testid` of the slot (also its key among main's uploads); the hidden file input gets `inputTestId`. */
  testId: string;
  inputTestId: string;
  disabled?: boolean;
  /** More buttons beside "选择文件" (e.g. view, print). */
  actions?: ReactNode;
  /** Below the row (a comment, a note). */
  children?: ReactNode;
  padding?: string;
  divider?: boolean;
}

/** The slot's title in bold, tagged 必传/选传 when `required` is given. */
export function SlotTitle(props: Pick<SlotProps, 'name' | 'title' | 'required'>) {
  const t = useT();
  return (
    <>
      <Typography.Text strong>{props.title ?? props.name}</Typography.Text>
      {props.required !== undefined && (
        <>
          {' '}
          <Tag color={props.required ? 'red' : 'default'}>{props.required ? t('subsidy.upload.required') : t('subsidy.upload.optional')}</Tag>
        </>
      )}
    </>
  );
}

export function UploadSlot(props: SlotProps & {
  value: UploadedFile | undefined;
  onUploaded(ref: AttachmentRef, file: File | null): void | Promise<Result<unknown>>;
  /** What is shown while there is no file. */
  missing?: ReactNode;
  /** A 56-px preview box (images shown) instead of the small type icon. */
  thumbnail?: boolean;
  /** Shows the file without the choose/replace button (nothing may change now). */
  readOnly?: boolean;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const { name, value, purpose, testId: slot } = props;
  const { activity, preview, upload, resume } = useSlotUpload({ purpose, requirement: props.requirement, slot, onUploaded: props.onUploaded, thumbnail: props.thumbnail });

  const uploading = activity.kind === 'sending';
  const paused = activity.kind === 'paused';
  const missingFlagged = Boolean(props.flagMissing && props.required && !value);
  const typeIcon = (size: number) =>
    value?.mediaType === 'application/pdf' ? (
      <FilePdfOutlined style={{ fontSize: size, color: '#cf1322' }} aria-label={t('reg.upload.previewOf', { name })} />
    ) : (
      <FileImageOutlined style={{ fontSize: size, color: '#1f5fbf' }} aria-label={t('reg.upload.previewOf', { name })} />
    );
  return (
    <li
      data-testid={props.testId}
      {...problemMark(name, missingFlagged)}
      style={{
        padding: props.padding ?? '10px 12px',
        borderBottom: props.divider === false ? 0 : '1px solid #f0f0f0',
        listStyle: 'none',
        background: props.comment ? '#fffbe6' : undefined,
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
            <SlotTitle {...props} />
            <div>
              {uploading ? (
                <Tag color="processing">{t('reg.upload.uploading')}</Tag>
              ) : paused ? (
                <Tag color="warning" icon={<PauseCircleOutlined aria-hidden />} data-testid={`${props.testId}-paused`}>
                  {t('upload.paused')}
                </Tag>
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
                (props.missing ??
                (props.required !== undefined ? (
                  <Typography.Text type={missingFlagged ? 'danger' : 'secondary'}>
                    {missingFlagged ? t('subsidy.problem.missing', { field: name }) : t('reg.upload.missing')}
                  </Typography.Text>
                ) : (
                  <Tag>{t('reg.upload.missing')}</Tag>
                )))
              )}
            </div>
          </div>
        </Space>
        <Space wrap>
          {uploading && <Progress percent={activity.percent} size="small" style={{ width: 150 }} aria-label={t('reg.upload.progress', { name })} />}
          {paused && (
            <Button onClick={() => void resume(activity.uploadId)} aria-label={t('upload.resumeLabel', { name })}>
              {t('upload.resume')}
            </Button>
          )}
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
              disabled={uploading || paused || props.disabled}
              aria-label={value ? t('reg.upload.replaceLabel', { name }) : t('reg.upload.chooseLabel', { name })}
              onClick={() => input.current?.click()}
            >
              {value ? t('reg.upload.replace') : t('reg.upload.choose')}
            </Button>
          )}
        </Space>
      </Space>
      {props.comment && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('subsidy.form.reviewerComment', { comment: props.comment })} />}
      {props.children}
      {activity.kind === 'failed' && <ErrorAlert error={activity.error} onRetry={activity.retry ?? undefined} style={{ marginTop: 8 }} />}
    </li>
  );
}
