import { Form } from 'antd';
import type { ReactNode } from 'react';
import { validationMessage } from '../../errors/describe';
import { useLocale, useT } from '../../i18n/store';

/** A problem code of state/subsidy-form.ts as the clerk reads it. */
export function useProblemText() {
  const t = useT();
  const locale = useLocale();
  return (code: string, field: string, select = false): string => {
    switch (code) {
      case 'required':
        return select ? t('subsidy.problem.select', { field }) : t('subsidy.problem.required', { field });
      case 'tooLong':
        return t('subsidy.problem.tooLong', { field });
      case 'emailFormat':
        return t('subsidy.problem.emailFormat');
      case 'amountFormat':
        return t('subsidy.problem.amountFormat');
      case 'number':
        return t('subsidy.problem.number');
      case 'dateOrder':
        return t('subsidy.problem.dateOrder');
      case 'missing':
        return t('subsidy.problem.missing', { field });
      default:
        return validationMessage(code, locale);
    }
  };
}

/**
 * One field: its label bound to the control (`id`), its problem (format problems as typed; "required" only once the
 * clerk tried to submit, or the field was filled and emptied), and a reviewer's comment beside it.
 */
export function FieldItem(props: {
  id: string;
  label: string;
  problem: string | undefined;
  showRequired: boolean;
  comment?: string | undefined;
  required?: boolean;
  select?: boolean;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const text = useProblemText();
  const visible = props.problem && (props.problem !== 'required' || props.showRequired) ? props.problem : undefined;
  return (
    <Form.Item
      label={props.label}
      htmlFor={props.id}
      required={props.required ?? true}
      validateStatus={visible ? 'error' : props.comment ? 'warning' : undefined}
      help={
        visible || props.comment ? (
          <>
            {visible && <div>{text(visible, props.label, props.select)}</div>}
            {props.comment && <div data-testid={`comment-${props.id}`}>{t('subsidy.form.reviewerComment', { comment: props.comment })}</div>}
          </>
        ) : undefined
      }
      extra={props.extra}
      style={{ marginBottom: 16 }}
    >
      {props.children}
    </Form.Item>
  );
}
