/**
 * The signature panel: every signature of the signed application PDF as the server's verifyPades reported it at
 * submission — signer, USCC, time, time-stamp, PAdES level, valid or not (and why not).
 */
import { Table, Tag, Typography } from 'antd';
import { signatureValid, type PdfSignature } from '@shared/contract/http/filing';
import { serverErrors, type ServerErrorCode } from '@shared/errors/server';
import { dateTime } from '../format';
import { useLang, useT } from '../i18n';

export function SignaturePanel({ signatures }: { signatures: PdfSignature[] }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const problem = (code: string) => (code in serverErrors ? serverErrors[code as ServerErrorCode].message[lang] : code);
  return (
    <>
      <Table<PdfSignature>
        aria-label={t('filing.sig.table')}
        size="small"
        pagination={false}
        rowKey="fieldName"
        dataSource={signatures}
        columns={[
          { title: t('filing.sig.signer'), render: (_, s) => s.signer.subject },
          { title: t('filing.sig.uscc'), render: (_, s) => <Typography.Text code>{s.signer.uscc ?? '—'}</Typography.Text> },
          { title: t('filing.sig.signedAt'), render: (_, s) => dateTime(s.signedAt) },
          { title: t('filing.sig.timestamp'), render: (_, s) => (s.timestamp ? `${dateTime(s.timestamp.time)}（${s.timestamp.tsaSubject}）` : t('filing.sig.noTimestamp')) },
          { title: t('filing.sig.level'), render: (_, s) => <Tag>PAdES {s.level}</Tag> },
          {
            title: t('filing.sig.result'),
            render: (_, s) =>
              signatureValid(s) ? (
                <Tag color="success">{t('filing.sig.valid')}</Tag>
              ) : (
                <>
                  <Tag color="error">{t('filing.sig.invalid')}</Tag>
                  {s.problems.map((p) => (
                    <div key={p}>{problem(p)}</div>
                  ))}
                </>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary">{t('filing.sig.verifiedNote')}</Typography.Paragraph>
    </>
  );
}
