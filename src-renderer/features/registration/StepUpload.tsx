import { Alert, Typography } from 'antd';
import { missingRegistrationScans, type PrintableForm } from '@shared/contract/http/registration';
import type { AttachmentRef } from '@shared/contract/client-api';
import type { MessageKey } from '@shared/i18n/messages';
import { useT } from '../../i18n/store';
import { REQUIREMENTS, useRegistration, type Requirement } from '../../state/registration-draft';
import { StepNav } from './StepNav';
import { UploadSlot } from '../../components/UploadSlot';

/** The name of every scan a registration may ask for (the print step names its forms with these too). */
export const REQUIREMENT_NAMES: Record<Requirement | PrintableForm, MessageKey> = {
  businessLicence: 'req.businessLicence',
  adminIdFront: 'req.adminIdFront',
  adminIdBack: 'req.adminIdBack',
  adminFilingSheet: 'req.adminFilingSheet',
  registrationTable: 'req.registrationTable',
  agreement: 'req.agreement',
  authorisationLetter: 'req.authorisationLetter',
};

/**
 * The stamped scans of a registration attempt, one numbered slot each, under the attempt's upload token (purpose
 * `registration`): the CA registration's and online pre-registration's (`testIdPrefix` tells them apart).
 */
export function RegistrationScans<R extends string>(props: {
  requirements: readonly R[];
  names: Record<R, MessageKey>;
  attachments: Partial<Record<R, AttachmentRef>>;
  onUploaded(requirement: R, ref: AttachmentRef): void;
  testIdPrefix: string;
}) {
  const t = useT();
  const { requirements, names, testIdPrefix: p } = props;
  return (
    <ol style={{ listStyle: 'none', padding: 0, margin: 0, border: '1px solid #f0f0f0', borderRadius: 6 }}>
      {requirements.map((r, i) => (
        <UploadSlot
          key={r}
          purpose="registration"
          requirement={r}
          name={t(names[r])}
          title={`${i + 1}. ${t(names[r])}`}
          value={props.attachments[r]}
          onUploaded={(ref) => props.onUploaded(r, ref)}
          thumbnail
          testId={`${p}upload-${r}`}
          inputTestId={`${p}upload-input-${r}`}
          padding="14px 16px"
          divider={i < requirements.length - 1}
        />
      ))}
    </ol>
  );
}

/** 5 上传材料: the six stamped scans of manual 001 (2.2), each uploaded with progress, previewed, replaceable. */
export function StepUpload() {
  const t = useT();
  const attachments = useRegistration((s) => s.draft.attachments);
  const setAttachment = useRegistration((s) => s.setAttachment);
  const missing = missingRegistrationScans(Object.values(attachments)).length;
  return (
    <>
      <Typography.Paragraph>{t('reg.upload.intro')}</Typography.Paragraph>
      <RegistrationScans requirements={REQUIREMENTS} names={REQUIREMENT_NAMES} attachments={attachments} onUploaded={setAttachment} testIdPrefix="" />
      {missing > 0 && <Alert type="info" showIcon title={t('reg.upload.allRequired', { count: REQUIREMENTS.length })} style={{ marginTop: 16 }} />}
      <StepNav nextDisabled={missing > 0} />
    </>
  );
}
