import { CheckCircleFilled, DeleteOutlined, FileImageOutlined, FilePdfOutlined, PauseCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Tag, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import type { AttachmentRef } from '@shared/contract/client-api';
import { MAX_FILES_PER_MATERIAL } from '@shared/contract/signing';
import { palette } from '@shared/ui/palette';
import { useT } from '../i18n/store';
import { ErrorAlert } from './ErrorAlert';
import { problemMark } from './problems';
import { ACCEPT, formatSize } from './upload-file';
import { addFile, roomFor } from './material-files';
import { SlotTitle, type SlotProps } from './UploadSlot';
import { useSlotUpload } from './use-slot-upload';

/**
 * One material with its files (several pages of a diploma, a contract's scans: walk-through item 15): add one or
 * more (sent one after another, each with its state: waiting, sending, paused, refused), remove one, the order kept
 * as added, at most the contract's {@link MAX_FILES_PER_MATERIAL}. A file's name is the one it was put in with,
 * here. The slot's upload machinery is UploadSlot's (`useSlotUpload`), so a restart finds an unfinished upload again.
 */
export function MaterialSlot(props: SlotProps & {
  files: readonly AttachmentRef[];
  onChange(files: AttachmentRef[]): void;
  /** Buttons beside each file (e.g. 查看). */
  fileActions?: (file: AttachmentRef, index: number) => ReactNode;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const { name, files, testId } = props;
  const [waiting, setWaiting] = useState<string[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [note, setNote] = useState<{ code: 'ATTACHMENT_TOO_MANY' | 'ATTACHMENT_TWICE' | 'NOT_SENT'; files?: string } | null>(null);
  const { activity, upload, resume } = useSlotUpload({
    purpose: props.purpose,
    requirement: props.requirement,
    slot: testId,
    // Called with this render's props (the hook keeps the latest), so `files` is the list as it is now.
    onUploaded: (ref, file) => {
      const added = addFile(files, { ...ref, fileName: file?.name ?? ref.fileName });
      if (added === files) setNote({ code: 'ATTACHMENT_TWICE' });
      else props.onChange([...added]);
    },
  });

  // One upload at a time, in the order chosen; a refusal or a dropped line stops the rest (named, to add again).
  const queue = useRef<File[]>([]);
  const pumping = useRef(false);
  const pump = async () => {
    if (pumping.current) return;
    pumping.current = true;
    while (queue.current.length) {
      const next = queue.current.shift()!;
      setWaiting(queue.current.map((f) => f.name));
      setCurrent(next.name);
      if ((await upload(next)) !== 'done') {
        if (queue.current.length) setNote({ code: 'NOT_SENT', files: queue.current.map((f) => f.name).join(t('list.separator')) });
        queue.current = [];
        setWaiting([]);
      }
    }
    pumping.current = false;
  };
  const choose = (chosen: File[]) => {
    const room = roomFor(files.length + waiting.length + (activity.kind === 'sending' || activity.kind === 'paused' ? 1 : 0));
    setNote(chosen.length > room ? { code: 'ATTACHMENT_TOO_MANY' } : null);
    queue.current.push(...chosen.slice(0, room));
    setWaiting(queue.current.map((f) => f.name));
    void pump();
  };

  const sending = activity.kind === 'sending';
  const paused = activity.kind === 'paused';
  const busy = sending || paused || waiting.length > 0;
  const full = files.length + waiting.length >= MAX_FILES_PER_MATERIAL;
  const missingFlagged = Boolean(props.flagMissing && props.required && files.length === 0);
  const icon = (f: AttachmentRef) =>
    f.mediaType === 'application/pdf' ? <FilePdfOutlined style={{ color: palette.error }} aria-hidden /> : <FileImageOutlined style={{ color: palette.primary }} aria-hidden />;
  return (
    <li
      data-testid={testId}
      data-files={files.length}
      {...problemMark(name, missingFlagged || Boolean(props.comment && props.flagged))}
      style={{ padding: props.padding ?? '10px 12px', borderBottom: props.divider === false ? 0 : '1px solid #f0f0f0', listStyle: 'none', background: props.comment ? '#fffbe6' : undefined }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <div>
          <SlotTitle {...props} />
          <div>
            {files.length > 0 ? (
              <Space size={4}>
                <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
                  {t('reg.upload.done')}
                </Tag>
                <Typography.Text type="secondary">{t('material.count', { count: files.length, max: MAX_FILES_PER_MATERIAL })}</Typography.Text>
              </Space>
            ) : (
              <Typography.Text type={missingFlagged ? 'danger' : 'secondary'}>
                {missingFlagged ? t('subsidy.problem.missing', { field: name }) : t('reg.upload.missing')}
              </Typography.Text>
            )}
          </div>
        </div>
        <Space wrap>
          {props.actions}
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            aria-label={t('reg.upload.inputLabel', { name })}
            data-testid={props.inputTestId}
            style={{ display: 'none' }}
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []);
              e.target.value = '';
              if (chosen.length) choose(chosen);
            }}
          />
          <Button
            icon={files.length ? <PlusOutlined aria-hidden /> : <UploadOutlined aria-hidden />}
            disabled={props.disabled || full}
            aria-label={files.length ? t('material.addLabel', { name }) : t('reg.upload.chooseLabel', { name })}
            onClick={() => input.current?.click()}
          >
            {full ? t('material.full', { max: MAX_FILES_PER_MATERIAL }) : files.length ? t('material.add') : t('reg.upload.choose')}
          </Button>
        </Space>
      </Space>
      {(files.length > 0 || busy) && (
        <ol style={{ margin: '8px 0 0', paddingLeft: 20 }} aria-label={t('material.files', { name })}>
          {files.map((f, i) => (
            <li key={f.sha256} data-testid={`${testId}-file-${i}`} style={{ padding: '2px 0' }}>
              <Space wrap size={8}>
                {icon(f)}
                <Typography.Text>{f.fileName}</Typography.Text>
                <Typography.Text type="secondary">{formatSize(f.size)}</Typography.Text>
                {props.fileActions?.(f, i)}
                {!props.disabled && (
                  <Button
                    size="small"
                    type="text"
                    icon={<DeleteOutlined aria-hidden />}
                    disabled={busy}
                    aria-label={t('material.removeLabel', { name, file: f.fileName })}
                    onClick={() => props.onChange(files.filter((x) => x.sha256 !== f.sha256))}
                  >
                    {t('material.remove')}
                  </Button>
                )}
              </Space>
            </li>
          ))}
          {(sending || paused) && (
            <li data-testid={`${testId}-sending`} style={{ padding: '2px 0' }}>
              <Space wrap size={8}>
                <Typography.Text>{current}</Typography.Text>
                {sending ? (
                  <>
                    <Tag color="processing">{t('reg.upload.uploading')}</Tag>
                    <Progress percent={activity.percent} size="small" style={{ width: 150 }} aria-label={t('reg.upload.progress', { name })} />
                  </>
                ) : (
                  <>
                    <Tag color="warning" icon={<PauseCircleOutlined aria-hidden />} data-testid={`${testId}-paused`}>
                      {t('upload.paused')}
                    </Tag>
                    <Button size="small" onClick={() => void resume(activity.uploadId)} aria-label={t('upload.resumeLabel', { name })}>
                      {t('upload.resume')}
                    </Button>
                  </>
                )}
              </Space>
            </li>
          )}
          {waiting.map((f, i) => (
            <li key={`${f}-${i}`} style={{ padding: '2px 0' }}>
              <Space size={8}>
                <Typography.Text>{f}</Typography.Text>
                <Tag>{t('material.waiting')}</Tag>
              </Space>
            </li>
          ))}
        </ol>
      )}
      {props.comment && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('subsidy.form.reviewerComment', { comment: props.comment })} />}
      {props.children}
      {note && (
        <Typography.Paragraph type="danger" role="alert" style={{ margin: '6px 0 0' }}>
          {note.code === 'NOT_SENT' ? t('material.notSent', { files: note.files ?? '' }) : t(`validation.${note.code}`)}
        </Typography.Paragraph>
      )}
      {activity.kind === 'failed' && (
        <ErrorAlert error={activity.error} title={current ? t('material.failedFile', { file: current }) : undefined} onRetry={activity.retry ?? undefined} style={{ marginTop: 8 }} />
      )}
    </li>
  );
}
