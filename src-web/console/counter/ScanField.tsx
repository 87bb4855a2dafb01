/**
 * One scan at the counter: choose a file, it goes up at once through the console's upload route, and the field's
 * value becomes its SHA-256 (what the registration names). A refusal (type, size) shows the server's message.
 */
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { staffUploadRoute } from '@shared/contract/http/staff';
import { callUpload } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { bytes } from '../format';
import { useT } from '../i18n';

export function ScanField({ value, onChange, label }: { value?: string; onChange?: (sha256: string | undefined) => void; label: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [size, setSize] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const stored = await callUpload(staffUploadRoute, file);
      setSize(stored.size);
      onChange?.(stored.sha256);
    } catch (e) {
      setError(e);
      onChange?.(undefined);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <input ref={input} type="file" accept="application/pdf,image/jpeg,image/png" aria-label={label} style={{ display: 'none' }} onChange={(e) => void upload(e.target.files?.[0])} />
        <Button loading={busy} onClick={() => input.current?.click()}>
          {busy ? t('counter.scan.uploading') : t(value ? 'counter.scan.replace' : 'counter.scan.choose')}
        </Button>
        {value && !busy ? <Typography.Text type="success">{t('counter.scan.done', { size: size === null ? '' : bytes(size) })}</Typography.Text> : null}
      </Space>
      <ErrorAlert error={error} />
    </Space>
  );
}
