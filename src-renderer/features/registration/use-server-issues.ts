import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { fieldErrors } from '@shared/forms';
import { useLocale } from '../../i18n/store';
import { useRegistration } from '../../state/registration-draft';

/**
 * The server's refusals beside the fields they name (its `body.payload.enterprise.name` is the form's
 * `enterprise.name`). A field's own rule replaces its message as soon as the clerk changes it.
 */
export function useServerIssues(form: FormInstance) {
  const locale = useLocale();
  const issues = useRegistration((s) => s.serverIssues);
  useEffect(() => {
    if (issues.length) form.setFields(fieldErrors(issues, locale));
  }, [form, issues, locale]);
}
