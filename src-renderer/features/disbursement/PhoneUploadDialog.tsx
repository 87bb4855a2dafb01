import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DisbursementView, ReceiptLinkStatus } from '@shared/contract/http/disbursement';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { countdown, pollReceiptLink, secondsLeft } from './disbursement-logic';
import { QrCode } from './QrCode';
import { ReceiptCheck } from './ReceiptCheck';
import { useStoredFile } from './stored-file';

interface Link {
  linkId: string;
  url: string;
  expiresAt: string;
}

/**
 * 手机扫码上传: a one-time link as a QR code, its countdown, and "重新生成". While open, the link's status is polled
 * every 2 s; once the phone has uploaded, the photo is shown here for the last check and submitted.
 */
export function PhoneUploadDialog(props: { open: boolean; view: DisbursementView; onClose(): void; onSubmitted(view: DisbursementView): void }) {
  const t = useT();
  const { open, view } = props;
  const [link, setLink] = useState<Link | null>(null);
  const [status, setStatus] = useState<ReceiptLinkStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [creating, setCreating] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  // Only the newest request's link counts: each new link supersedes the one before it on the server.
  const latest = useRef(0);

  const create = useCallback(async () => {
    const request = ++latest.current;
    setCreating(true);
    setError(null);
    setStatus(null);
    const r = await call((api) => api.disbursement.createReceiptLink({ applicationId: view.applicationId }));
    if (request !== latest.current) return;
    setCreating(false);
    if (!r.ok) {
      setError(r.error);
      setLink(null);
      return;
    }
    setLink(r.value);
    setNow(Date.now());
  }, [view.applicationId]);

  // A new link each time the dialog opens (the server replaces any earlier one); none kept after it closes.
  useEffect(() => {
    if (!open) {
      latest.current++;
      /* eslint-disable react-hooks/set-state-in-effect -- closing forgets the link */
      setLink(null);
      setStatus(null);
      setError(null);
      setCreating(false);
      /* eslint-enable react-hooks/set-state-in-effect */
      return;
    }
    void create();
  }, [open, create]);

  const state = status?.state ?? 'waiting';
  const left = link ? secondsLeft(link.expiresAt, now) : 0;
  const expired = state === 'expired' || (state === 'waiting' && link !== null && left === 0);

  // Poll while the QR code is showing and waiting; stop on close, unmount, a new link, or a final state.
  useEffect(() => {
    if (!open || !link || state !== 'waiting' || expired) return;
    const poller = pollReceiptLink({
      fetch: () => call((api) => api.disbursement.receiptLinkStatus({ applicationId: view.applicationId, linkId: link.linkId })),
      onStatus: (s) => {
        setStatus(s);
        setError(null);
      },
      onError: (e) => setError(e),
    });
    return () => poller.stop();
  }, [open, link, state, expired, view.applicationId]);

  // The countdown ticks once a second while it runs.
  useEffect(() => {
    if (!open || !link || state !== 'waiting' || expired) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [open, link, state, expired]);

  const photo = state === 'uploaded' ? (status?.photo ?? null) : null;
  const stored = useStoredFile(photo?.sha256 ?? null, `${t('disb.file.stampedName', { number: view.receiptNumber })}`);

  return (
    <Modal open={open} title={t('disb.qr.title')} width={photo ? 860 : 520} onCancel={props.onClose} footer={null} destroyOnHidden>
      <div data-testid="disb-qr-dialog">
        <ErrorAlert error={error} {...(error?.retriable ? { onRetry: () => void create() } : {})} style={{ marginBottom: 12 }} />
        {photo ? (
          <>
            <Alert type="success" showIcon title={t('disb.qr.uploaded')} data-testid="disb-qr-uploaded" />
            <ReceiptCheck
              applicationId={view.applicationId}
              candidate={{ sha256: photo.sha256, source: 'phone' }}
              file={stored.file}
              fileError={stored.error}
              onRetryFile={stored.reload}
              onSubmitted={props.onSubmitted}
              onDiscard={() => void create()}
            />
          </>
        ) : (
          <>
            <Typography.Paragraph>{t('disb.qr.intro')}</Typography.Paragraph>
            <div style={{ display: 'flex', justifyContent: 'center', minHeight: 230, alignItems: 'center', opacity: expired || state === 'superseded' ? 0.25 : 1 }}>
              {link ? <QrCode text={link.url} label={t('disb.qr.alt')} testId="disb-qr" /> : creating && <Spin description={t('disb.qr.creating')} />}
            </div>
            {link && (
              <div style={{ textAlign: 'center', marginTop: 8 }} aria-live="polite">
                {state === 'superseded' ? (
                  <Typography.Text type="warning">{t('disb.qr.superseded')}</Typography.Text>
                ) : expired ? (
                  <Typography.Text type="danger" data-testid="disb-qr-expired">
                    {t('disb.qr.expired')}
                  </Typography.Text>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text data-testid="disb-qr-countdown" data-seconds={left}>
                      {t('disb.qr.expiresIn', { time: countdown(left) })}
                    </Typography.Text>
                    <Typography.Text type="secondary">{t('disb.qr.waiting')}</Typography.Text>
                  </Space>
                )}
              </div>
            )}
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button icon={<ReloadOutlined aria-hidden />} loading={creating} onClick={() => void create()} data-testid="disb-qr-regenerate">
                {t('disb.qr.regenerate')}
              </Button>
            </div>
          </>
        )}
      </div>
    </Modal>
  );
}
