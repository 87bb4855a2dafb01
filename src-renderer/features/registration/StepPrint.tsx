import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppError, Result } from '@shared/contract/result';
import { fromBase64 } from '@shared/encoding/bytes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { printedForms } from '@shared/contract/http/registration';
import { REQUIREMENTS, useRegistration } from '../../state/registration-draft';
import { normalizedForm } from './registration-form';
import { StepNav } from './StepNav';
import { REQUIREMENT_NAMES } from './StepUpload';

/**
 * 4 打印表单: the forms of the way's upload list that Tongban prints (the contract's `printedForms`, the same list
 * the PDF is drawn from and the upload step asks for), as one PDF generated from the form; previewed in place (a
 * blob: URL, nothing written to disk), downloaded or printed. Online pre-registration prints its own list from its
 * own form (`requirements`, `generate`, `intro`, `nav`).
 */
export function StepPrint(props: {
  requirements?: readonly string[];
  generate?: () => Promise<Result<{ pdf: string; fileName: string }>>;
  intro?: string;
  nav?: ReactNode;
}) {
  const t = useT();
  const form = useRegistration((s) => s.draft.form);
  const [pdf, setPdf] = useState<{ url: string; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => () => {
    if (pdf) URL.revokeObjectURL(pdf.url);
  }, [pdf]);

  const generate = async () => {
    setBusy(true);
    setError(null);
    const r = await (props.generate ? props.generate() : call((api) => api.registration.printForms({ form: normalizedForm(form) })));
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const blob = new Blob([fromBase64(r.value.pdf) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
    setPdf({ url: URL.createObjectURL(blob), fileName: r.value.fileName });
  };

  return (
    <>
      <Typography.Paragraph>{props.intro ?? t('reg.print.intro')}</Typography.Paragraph>
      <ol data-testid="printed-forms" style={{ marginTop: -8 }}>
        {printedForms(props.requirements ?? REQUIREMENTS).map((f) => (
          <li key={f}>{t(REQUIREMENT_NAMES[f])}</li>
        ))}
      </ol>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type={pdf ? 'default' : 'primary'} icon={<FilePdfOutlined aria-hidden />} loading={busy} onClick={() => void generate()}>
          {pdf ? t('reg.print.regenerate') : t('reg.print.generate')}
        </Button>
        {pdf && (
          <>
            <Button icon={<DownloadOutlined aria-hidden />} href={pdf.url} download={pdf.fileName}>
              {t('reg.print.download')}
            </Button>
            <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => frame.current?.contentWindow?.print()}>
              {t('reg.print.print')}
            </Button>
          </>
        )}
      </Space>
      <ErrorAlert error={error} onRetry={() => void generate()} style={{ marginBottom: 16 }} />
      {busy && !pdf && (
        <div style={{ padding: 40, textAlign: 'center' }}>
          <Spin description={t('reg.print.generating')} />
        </div>
      )}
      {pdf && (
        <iframe
          ref={frame}
          title={t('reg.print.preview')}
          src={pdf.url}
          style={{ width: '100%', height: 640, border: '1px solid #d9d9d9', borderRadius: 4, background: '#525659' }}
        />
      )}
      {props.nav ?? <StepNav />}
    </>
  );
}
