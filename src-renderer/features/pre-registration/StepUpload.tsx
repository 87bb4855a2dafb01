import { Alert, Typography } from 'antd';
import { missingPreRegistrationScans, type PreRegistrationRequirement } from '@shared/contract/http/pre-registration';
import type { MessageKey } from '@shared/i18n/messages';
import { useT } from '../../i18n/store';
import { REQUIREMENTS, usePreRegistration } from '../../state/pre-registration';
import { RegistrationScans, REQUIREMENT_NAMES as REGISTRATION_NAMES } from '../registration/StepUpload';
import { StepNav } from '../registration/StepNav';
import { usePreRegistrationSteps } from './nav';

const NAMES: Record<PreRegistrationRequirement, MessageKey> = { ...REGISTRATION_NAMES, authorisationLetter: 'req.authorisationLetter' };

/** 上传材料: the stamped scans, under the attempt's upload token as registration's (purpose `registration`). */
export function StepUpload() {
  const t = useT();
  const attachments = usePreRegistration((s) => s.draft.attachments);
  const setAttachment = usePreRegistration((s) => s.setAttachment);
  const wizard = usePreRegistrationSteps();
  const missing = missingPreRegistrationScans(Object.values(attachments)).length;
  return (
    <>
      <Typography.Paragraph>{t('prereg.upload.intro')}</Typography.Paragraph>
      <RegistrationScans requirements={REQUIREMENTS} names={NAMES} attachments={attachments} onUploaded={setAttachment} testIdPrefix="prereg-" />
      {missing > 0 && <Alert type="info" showIcon title={t('prereg.upload.allRequired', { count: REQUIREMENTS.length })} style={{ marginTop: 16 }} />}
      <StepNav wizard={wizard} nextDisabled={missing > 0} />
    </>
  );
}
