import type { PreRegistrationDraftForm } from '@shared/contract/client-api';
import { preRegistrationFormSchema, type PreRegistrationForm } from '@shared/contract/http/pre-registration';
import { checkForm, type FormCheck } from '@shared/forms';

/** The form in the contract's shape: an e-mail left blank is no e-mail (the contract's is optional, not empty). */
function contractShape(form: PreRegistrationDraftForm) {
  const email = form.administrator.email?.trim();
  const { email: _typed, ...administrator } = form.administrator;
  return { ...form, administrator: email ? { ...administrator, email } : administrator };
}

/** Checked with the contract's schema: what the form accepts is what the server accepts. */
export function checkPreRegistrationForm(form: PreRegistrationDraftForm): FormCheck<PreRegistrationForm> {
  return checkForm(preRegistrationFormSchema, contractShape(form));
}
