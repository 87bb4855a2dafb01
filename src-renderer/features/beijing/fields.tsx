import { Form } from 'antd';
import type { FormRule as Rule } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { checkForm, contractRule } from '@shared/forms';
import type { MessageKey } from '@shared/i18n/messages';
import { useLocale, useT } from '../../i18n/store';

/**
 * A form item checked by a contract schema of http/beijing.ts at its path, so the desk shows the server's rule
 * (password 6-20 letters and digits, USCC or organisation code, the resident ID's check digit) as typed.
 */
export function useContractField<S extends z.ZodType>(schema: S) {
  const t = useT();
  const locale = useLocale();
  const issuesOf = (values: unknown) => checkForm(schema, values).issues;
  return (path: string[], label: MessageKey, input: ReactNode, extra?: string) => (
    <Form.Item name={path} label={t(label)} rules={[contractRule(issuesOf, path.join('.'), locale) as Rule]} extra={extra} required>
      {input}
    </Form.Item>
  );
}
