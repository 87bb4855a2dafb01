/** The stamped receipt shown where finance decides: the photo inline, or the PDF in a frame (blob: URL, revoked on leave). */
import { Spin } from 'antd';
import { useEffect, useState } from 'react';
import { attachmentUrl } from '../detail/attachment-files';
import { ErrorAlert } from '../ErrorAlert';
import { useT } from '../i18n';

interface Props {
  enterpriseId: string;
  sha256: string;
  mediaType: string;
  name: string;
}

export function StampedReceipt({ enterpriseId, sha256, mediaType, name }: Props) {
  const t = useT();
  const [shown, setShown] = useState<{ sha256: string; url?: string; error?: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    let created: string | null = null;
    attachmentUrl(enterpriseId, sha256, mediaType).then(
      (url) => {
        created = url;
        if (live) setShown({ sha256, url });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => live && setShown({ sha256, error }),
    );
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [enterpriseId, sha256, mediaType]);

  const current = shown?.sha256 === sha256 ? shown : null;
  if (!current) return <Spin aria-label={t('attachments.loading')} />;
  if (current.error) return <ErrorAlert error={current.error} />;
  return mediaType === 'application/pdf' ? (
    <iframe className="console-stamped-pdf" src={current.url} title={name} />
  ) : (
    <img className="console-stamped" src={current.url} alt={name} />
  );
}
