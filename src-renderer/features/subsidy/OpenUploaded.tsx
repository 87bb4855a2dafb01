import type { AttachmentRef } from '@shared/contract/client-api';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { Printout } from './Printout';

/**
 * 查看: the file the clerk put in a slot, fetched from the server with the session's own authorisation (the
 * enterprise's files route, as the disbursement's certificates are), under the name it was uploaded with
 * (issue 21 item 15). Nothing while the slot is empty.
 */
export function OpenUploaded(props: { file: AttachmentRef | undefined; name: string; testId: string }) {
  const t = useT();
  const { file } = props;
  if (!file) return null;
  return (
    <Printout
      label={t('forms.file.open')}
      ariaLabel={t('forms.file.openLabel', { name: props.name })}
      testId={props.testId}
      generate={() => call((api) => api.disbursement.downloadFile({ sha256: file.sha256, fileName: file.fileName }))}
    />
  );
}
