import { Form } from 'antd';
import type { ReactNode } from 'react';
import { issueText } from '@shared/forms';
import type { FieldIssue } from '@shared/validation/issues';
import { problemMark } from '../../components/problems';
import { useLocale, useT } from '../../i18n/store';

/**
 * One field: its label bound to the control (`id`), the contract's issue at its path (what is wrong with what was
 * typed at once; "required" only once the clerk tried to submit, or the field was filled and emptied), and a
 * reviewer's comment beside it.
 */
export function FieldItem(props: {
  id: string;
  label: string;
  /** The name in the problem summary when the label alone is ambiguous (人才2 · 姓名). */
  summaryLabel?: string;
  problem: FieldIssue | undefined;
  showRequired: boolean;
  comment?: string | undefined;
  /** The comment is not answered yet (the field is as it was returned): marked as a problem, listed in the summary. */
  flagged?: boolean;
  required?: boolean;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const visible = props.problem && (props.problem.code !== 'REQUIRED' || props.showRequired) ? props.problem : undefined;
  return (
    <div {...problemMark(props.summaryLabel ?? props.label, Boolean(visible) || Boolean(props.comment && props.flagged))}>
    <Form.Item
      label={props.label}
      htmlFor={props.id}
      required={props.required ?? true}
      validateStatus={visible ? 'error' : props.comment ? 'warning' : undefined}
      help={
        visible || props.comment ? (
          <>
            {visible && <div>{issueText(locale, visible)}</div>}
            {props.comment && <div data-testid={`comment-${props.id}`}>{t('subsidy.form.reviewerComment', { comment: props.comment })}</div>}
          </>
        ) : undefined
      }
      extra={props.extra}
      style={{ marginBottom: 16 }}
    >
      {props.children}
    </Form.Item>
    </div>
  );
}
