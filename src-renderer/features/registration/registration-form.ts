import type { RegistrationForm } from '@shared/contract/client-api';
import { registrationFormPartSchema } from '@shared/contract/http/registration';
import { checkForm, type FormCheck } from '@shared/forms';

/**
 * The enterprise and administrator form, checked with the contract's own schemas (`registrationEnterpriseSchema`,
 * `registrationAdministratorSchema`): what the form accepts is what the server accepts, and the value signed is the
 * schema's output (trimmed, ID with upper-case X, mobile as 11 digits).
 */
type Typed = Pick<RegistrationForm, 'enterprise' | 'administrator'>;

/** The form in the contract's shape: an e-mail left blank is no e-mail (the contract's is optional, not empty). */
function contractShape(form: Typed) {
  const email = form.administrator.email?.trim();
  const { email: _typed, ...administrator } = form.administrator;
  return { enterprise: form.enterprise, administrator: email ? { ...administrator, email } : administrator };
}

export function checkRegistrationForm(form: Typed): FormCheck<Typed> {
  return checkForm(registrationFormPartSchema, contractShape(form));
}

/** The form as it is signed and sent: the contract's output once it is valid, the form as typed until then. */
export function normalizedForm(form: RegistrationForm): RegistrationForm {
  const checked = checkRegistrationForm(form);
  return checked.ok ? { caProfile: form.caProfile, ...checked.value } : form;
}
