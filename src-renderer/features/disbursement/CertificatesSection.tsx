import { EyeOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DisbursementView } from '@shared/contract/http/disbursement';
import { UploadSlot } from '../../components/UploadSlot';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useDisbursement } from '../../state/disbursement';
import { FilePreviewModal } from './FilePreview';

/**
 * 1 上传在职证明: the latest employment certificate of each talent. A file is uploaded (`?item=disbursement`) and then
 * recorded for the talent; the server's answer is the disbursement as it now stands.
 */
export function CertificatesSection({ view, editable }: { view: DisbursementView; editable: boolean }) {
  const t = useT();
  const setView = useDisbursement((s) => s.setView);
  const [viewing, setViewing] = useState<{ sha256: string; name: string } | null>(null);

  return (
    <section aria-labelledby="disb-certificates" style={{ marginTop: 24 }}>
      <Typography.Title level={3} id="disb-certificates" style={{ fontSize: 16 }}>
        {t('disb.step.certificates')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('disb.step.certificatesHint')}</Typography.Paragraph>
      <ul style={{ margin: 0, padding: 0, border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid="disb-certificates">
        {view.talents.map((talent, i) => {
          const cert = talent.employmentCertificate;
          const name = t('disb.cert.name', { name: talent.name });
          return (
            <UploadSlot
              key={talent.index}
              purpose="disbursement"
              requirement="employmentCertificate"
              name={name}
              title={t('disb.cert.who', { name: talent.name, position: talent.position, id: talent.idNumberMasked })}
              value={cert ? { fileName: t('disb.file.certificateName', { name: talent.name }), size: cert.size, mediaType: cert.mediaType } : undefined}
              missing={<Tag color="warning">{t('disb.cert.missing')}</Tag>}
              onUploaded={async (ref) => {
                // Recorded for the talent; the server's answer is the disbursement as it now stands.
                const set = await call((api) => api.disbursement.setEmploymentCertificate({ applicationId: view.applicationId, talentIndex: talent.index, sha256: ref.sha256 }));
                if (set.ok) setView(set.value);
                return set;
              }}
              testId={`disb-cert-${talent.index}`}
              inputTestId={`disb-cert-${talent.index}-input`}
              readOnly={!editable}
              divider={i < view.talents.length - 1}
              actions={
                cert && (
                  <Button icon={<EyeOutlined aria-hidden />} aria-label={t('disb.cert.viewLabel', { name: talent.name })} data-testid={`disb-cert-${talent.index}-view`} onClick={() => setViewing({ sha256: cert.sha256, name: talent.name })}>
                    {t('disb.cert.view')}
                  </Button>
                )
              }
            />
          );
        })}
      </ul>
      <FilePreviewModal
        sha256={viewing?.sha256 ?? null}
        fileName={viewing ? `${t('disb.file.certificateName', { name: viewing.name })}` : ''}
        title={viewing ? t('disb.cert.title', { name: viewing.name }) : ''}
        onClose={() => setViewing(null)}
        testId="disb-file-preview"
      />
    </section>
  );
}
