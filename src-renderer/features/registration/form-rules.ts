import type { RegistrationForm } from '@shared/contract/client-api';
import { parseMobile, parseResidentId, parseUscc } from '@shared/validation';

/**
 * Field checks of the enterprise and administrator forms, as stable codes: `required`, `tooLong`, `emailFormat`,
 * or a shared validator's code (USCC_*, ID_*, MOBILE_FORMAT) whose message the catalogs hold. The server
 * validates again; these are for the clerk, at the keyboard.
 */
export type FieldName = 'uscc' | 'name' | 'address' | 'legalRepresentative' | 'adminName' | 'idNumber' | 'mobile' | 'email';

export const FIELD_MAX: Record<FieldName, number> = {
  uscc: 18,
  name: 100,
  address: 200,
  legalRepresentative: 50,
  adminName: 50,
  idNumber: 18,
  mobile: 20,
  email: 254,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function fieldProblem(field: FieldName, raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return field === 'email' ? null : 'required';
  if (value.length > FIELD_MAX[field] && field !== 'mobile') return 'tooLong';
  switch (field) {
    case 'uscc': {
      const r = parseUscc(value);
      return r.ok ? null : r.code;
    }
    case 'idNumber': {
      const r = parseResidentId(value);
      return r.ok ? null : r.code;
    }
    case 'mobile': {
      const r = parseMobile(value);
      return r.ok ? null : r.code;
    }
    case 'email':
      return EMAIL.test(value) ? null : 'emailFormat';
    default:
      return null;
  }
}

/** Every problem of a form, by field; empty when it may go on. */
export function formProblems(form: RegistrationForm): Partial<Record<FieldName, string>> {
  const values: Record<FieldName, string | undefined> = {
    uscc: form.enterprise.uscc,
    name: form.enterprise.name,
    address: form.enterprise.address,
    legalRepresentative: form.enterprise.legalRepresentative,
    adminName: form.administrator.name,
    idNumber: form.administrator.idNumber,
    mobile: form.administrator.mobile,
    email: form.administrator.email,
  };
  const out: Partial<Record<FieldName, string>> = {};
  for (const field of Object.keys(values) as FieldName[]) {
    const p = fieldProblem(field, values[field]);
    if (p) out[field] = p;
  }
  return out;
}

/** The form as it is signed and sent: trimmed, ID with upper-case X, mobile as 11 digits, no empty e-mail. */
export function normalizedForm(form: RegistrationForm): RegistrationForm {
  const id = parseResidentId(form.administrator.idNumber);
  const mobile = parseMobile(form.administrator.mobile);
  const email = form.administrator.email?.trim();
  return {
    caProfile: form.caProfile,
    enterprise: {
      uscc: form.enterprise.uscc.trim(),
      name: form.enterprise.name.trim(),
      address: form.enterprise.address.trim(),
      legalRepresentative: form.enterprise.legalRepresentative.trim(),
    },
    administrator: {
      name: form.administrator.name.trim(),
      idNumber: id.ok ? id.value : form.administrator.idNumber.trim(),
      mobile: mobile.ok ? mobile.value : form.administrator.mobile.trim(),
      ...(email ? { email } : {}),
    },
  };
}
