import { FileUploadRow } from '../../components/FileUploadRow';
import { call } from '../../platform';
import { useRegistration, type Requirement } from '../../state/registration-draft';

/** One registration scan: the shared FileUploadRow with a thumbnail, the registration upload and the draft's value. */
export function UploadRow({ requirement, name, index, last }: { requirement: Requirement; name: string; index: number; last: boolean }) {
  const ref = useRegistration((s) => s.draft.attachments[requirement]);
  const setAttachment = useRegistration((s) => s.setAttachment);
  return (
    <FileUploadRow
      name={name}
      title={`${index}. ${name}`}
      value={ref}
      upload={(f) => call((api) => api.registration.upload({ requirement, ...f }))}
      onUploaded={(r) => setAttachment(requirement, r)}
      thumbnail
      testId={`upload-${requirement}`}
      inputTestId={`upload-input-${requirement}`}
      padding="14px 16px"
      divider={!last}
    />
  );
}
