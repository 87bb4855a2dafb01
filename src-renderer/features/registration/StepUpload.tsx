import { Alert, Typography } from 'antd';
import { missingRegistrationScans } from '@shared/contract/http/registration';
import type { MessageKey } from '@shared/i18n/messages';
import { useT } from '../../i18n/store';
import { REQUIREMENTS, useRegistration, type Requirement } from '../../state/registration-draft';
import { StepNav } from './StepNav';
import { UploadSlot } from '../../components/UploadSlot';

export const REQUIREMENT_NAMES: Record<Requirement, MessageKey> = {
  businessLicence: 'req.businessLicence',
  adminIdFront: 'req.adminIdFront',
  adminIdBack: 'req.adminIdBack',
  adminFilingSheet: 'req.adminFilingSheet',
  registrationTable: 'req.registrationTable',
  agreement: 'req.agreement',
};

/** 5 上传材料: the six stamped scans of manual 001 (2.2), each uploaded with progress, previewed, replaceable. */
export function StepUpload() {
  const t = useT();
  const attachments = useRegistration((s) => s.draft.attachments);
  const setAttachment = useRegistration((s) => s.setAttachment);
  const missing = missingRegistrationScans(Object.values(attachments)).length;
  return (
    <>
      <Typography.Paragraph>{t('reg.upload.intro')}</Typography.Paragraph>
      <ol style={{ listStyle: 'none', padding: 0, margin: 0, border: '1px solid #f0f0f0', borderRadius: 6 }}>
        {REQUIREMENTS.map((r, i) => (
          <UploadSlot
            key={r}
            purpose="registration"
            requirement={r}
            name={t(REQUIREMENT_NAMES[r])}
            title={`${i + 1}. ${t(REQUIREMENT_NAMES[r])}`}
            value={attachments[r]}
            onUploaded={(ref) => setAttachment(r, ref)}
            thumbnail
            testId={`upload-${r}`}
            inputTestId={`upload-input-${r}`}
            padding="14px 16px"
            divider={i < REQUIREMENTS.length - 1}
          />
        ))}
      </ol>
      {missing > 0 && <Alert type="info" showIcon title={t('reg.upload.allRequired', { count: REQUIREMENTS.length })} style={{ marginTop: 16 }} />}
      <StepNav nextDisabled={missing > 0} />
    </>
  );
}
