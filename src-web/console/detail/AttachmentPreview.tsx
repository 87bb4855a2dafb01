/** Shows one attachment in a dialog: images inline, PDFs in a frame, both from a blob: URL revoked on close. */
import { Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert';
import { useT } from '../i18n';
import { attachmentUrl } from './attachment-files';

export interface PreviewTarget {
  enterpriseId: string;
  sha256: string;
  mediaType: string;
  name: string;
  /** Where the bytes come from when not the enterprise's file store (the receipt PDF): a blob: URL. */
  load?: () => Promise<string>;
}

interface Shown {
  target: PreviewTarget;
  url?: string;
  error?: unknown;
}

export function AttachmentPreview({ target, onClose }: { target: PreviewTarget | null; onClose(): void }) {
  const t = useT();
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    if (!target) return;
    let live = true;
    let created: string | null = null;
    (target.load ? target.load() : attachmentUrl(target.enterpriseId, target.sha256, target.mediaType)).then(
      (url) => {
        created = url;
        if (live) setShown({ target, url });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => live && setShown({ target, error }),
    );
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [target]);

  const current = shown && shown.target === target ? shown : null;
  const isPdf = target?.mediaType === 'application/pdf';
  return (
    <Modal open={target !== null} title={target?.name} onCancel={onClose} footer={null} width="80vw" closable={{ 'aria-label': t('attachments.close') }} destroyOnHidden>
      <ErrorAlert error={current?.error} />
      {!current ? <Spin aria-label={t('attachments.loading')} /> : null}
      {current?.url && isPdf ? <iframe className="console-preview" src={current.url} title={current.target.name} /> : null}
      {current?.url && !isPdf ? <img src={current.url} alt={current.target.name} style={{ maxWidth: '100%' }} /> : null}
    </Modal>
  );
}
