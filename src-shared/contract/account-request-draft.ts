/**
 * A request to the portal staff as the clerk types it (every field of every kind, all strings) and the one
 * function that makes the kind's form of it: main parses that with the contract's schema before sending, and the
 * desk checks fields with the same parse (`checkForm`), so a rule is written once (http/account-requests.ts).
 */
import { z } from 'zod';
import { accountRequestKindSchema } from './http/account-requests';

export const accountRequestDraftFormSchema = z.object({
  kind: accountRequestKindSchema,
  enterprise: z.object({ uscc: z.string().max(22), name: z.string().max(100) }),
  administrator: z.object({ name: z.string().max(50), idNumber: z.string().max(22), mobile: z.string().max(20), email: z.string().max(254) }),
  legalRepresentative: z.object({ name: z.string().max(50) }),
  newName: z.string().max(100),
  newAddress: z.string().max(200),
  filer: z.object({ name: z.string().max(50), mobile: z.string().max(20) }),
  /** accountsUnknown only: a mobile for super, when the filer asks for one. */
  superMobile: z.string().max(20),
});
export type AccountRequestDraftForm = z.infer<typeof accountRequestDraftFormSchema>;

export function emptyAccountRequestDraft(kind: AccountRequestDraftForm['kind'], enterprise = { uscc: '', name: '' }): AccountRequestDraftForm {
  return {
    kind,
    enterprise,
    administrator: { name: '', idNumber: '', mobile: '', email: '' },
    legalRepresentative: { name: '' },
    newName: '',
    newAddress: '',
    filer: { name: '', mobile: '' },
    superMobile: '',
  };
}

/** The fields the draft's kind sends (optional ones left out when empty), for `accountRequestFormSchema` to parse. */
export function requestFormOf(d: AccountRequestDraftForm): Record<string, unknown> {
  const email = d.administrator.email.trim();
  const administrator = { name: d.administrator.name, idNumber: d.administrator.idNumber, mobile: d.administrator.mobile, ...(email ? { email } : {}) };
  const base = { kind: d.kind, enterprise: d.enterprise, filer: d.filer };
  if (d.kind === 'enterpriseChange') return { ...base, newName: d.newName, newAddress: d.newAddress };
  if (d.kind === 'administratorChange') return { ...base, administrator };
  return { ...base, administrator, legalRepresentative: d.legalRepresentative, ...(d.superMobile.trim() ? { superMobile: d.superMobile } : {}) };
}
