/**
 * What every confirming dialog of the console does on OK: check the form, call the server once (busy meanwhile),
 * hand the answer on and say so, or keep the server's error to show — and when the record changed under the staff
 * member (SUBSIDY_STATE_CONFLICT: someone else acted first), ask the screen to reload it. The server's field
 * issues (`body.reason`…) go beside the dialog's fields of the same names.
 */
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { fieldErrors } from '@shared/forms';
import { issuesUnder } from '@shared/validation/issues';
import { ConsoleError } from '../api';
import { useLang } from '../i18n';

export function useDecision<F, R>(opts: { form: FormInstance<F>; run(values: F): Promise<R>; onDone(result: R): void; success: string; onStale(): void }) {
  const { message } = App.useApp();
  const lang = useLang((s) => s.lang);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await opts.form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const result = await opts.run(values);
      void message.success(opts.success);
      opts.onDone(result);
    } catch (e) {
      setError(e);
      if (e instanceof ConsoleError && e.body.issues) opts.form.setFields(fieldErrors(issuesUnder(e.body.issues, 'body'), lang) as Parameters<typeof opts.form.setFields>[0]);
      if (e instanceof ConsoleError && (e.code === 'SUBSIDY_STATE_CONFLICT' || e.code === 'FILING_STATE_CONFLICT')) opts.onStale();
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}
