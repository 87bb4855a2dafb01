import { Alert, Tag, Typography } from 'antd';
import type { AttachmentRef } from '@shared/contract/client-api';
import { FileUploadRow } from '../../components/FileUploadRow';
import { useT } from '../../i18n/store';
import { call } from '../../platform';

/**
 * One attachment requirement of the application or of a talent (the shared FileUploadRow with the subsidy's upload
 * call): required/optional, "请上传…" once a submit found it missing, and a reviewer's comment beside it.
 */
export function AttachmentRow(props: {
  requirement: string;
  /** The requirement's name as the clerk reads it (also the accessible names' subject). */
  name: string;
  value: AttachmentRef | undefined;
  onChange(ref: AttachmentRef): void;
  required: boolean;
  /** Show "请上传…" when required and missing (after a submit attempt). */
  showMissing: boolean;
  comment?: string | undefined;
  testId: string;
  disabled?: boolean;
}) {
  const t = useT();
  const missing = props.showMissing && props.required && !props.value;
  return (
    <FileUploadRow
      name={props.name}
      tags={<Tag color={props.required ? 'red' : 'default'}>{props.required ? t('subsidy.upload.required') : t('subsidy.upload.optional')}</Tag>}
      value={props.value}
      upload={(f) => call((api) => api.subsidy.upload({ requirement: props.requirement, ...f }))}
      onUploaded={(ref) => props.onChange(ref)}
      missing={<Typography.Text type={missing ? 'danger' : 'secondary'}>{missing ? t('subsidy.problem.missing', { field: props.name }) : t('reg.upload.missing')}</Typography.Text>}
      testId={props.testId}
      inputTestId={`${props.testId}-input`}
      highlight={Boolean(props.comment)}
      {...(props.disabled !== undefined ? { disabled: props.disabled } : {})}
    >
      {props.comment && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('subsidy.form.reviewerComment', { comment: props.comment })} />}
    </FileUploadRow>
  );
}
