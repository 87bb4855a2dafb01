/**
 * The counter registration form: its fields are named by the contract's paths, so the contract's issues land
 * beside them unchanged. The translations: an e-mail left blank is no e-mail, and what the other kind of visitor
 * would have shown (ticks, scans, the agent) is left out when the clerk switched.
 */
import { COUNTER_CHECKLIST, counterRegistrationSchema, counterScansRequired, type CounterRegistrationInput } from '@shared/contract/http/counter-registration';
import { checkForm } from '@shared/forms';

export type CounterFormValues = Omit<CounterRegistrationInput, 'administrator' | 'visitor'> & {
  administrator: { name: string; mobile: string; email?: string };
  visitor: { kind: 'legalRepresentative' | 'agent'; name?: string; idNumber?: string };
};

export function counterContractShape(values: CounterFormValues): CounterRegistrationInput {
  const email = values.administrator?.email?.trim();
  const { email: _typed, ...administrator } = values.administrator ?? { name: '', mobile: '' };
  const visitor = values.visitor?.kind === 'agent' ? { kind: 'agent' as const, name: values.visitor.name ?? '', idNumber: values.visitor.idNumber ?? '' } : { kind: 'legalRepresentative' as const };
  const checklist = (values.checklist ?? []).filter((i) => COUNTER_CHECKLIST[visitor.kind].includes(i));
  const scans = Object.fromEntries(counterScansRequired(visitor.kind).flatMap((s) => (values.scans?.[s] ? [[s, values.scans[s]]] : [])));
  return { ...values, visitor, administrator: email ? { ...administrator, email } : administrator, checklist, scans };
}

export const checkCounterForm = (values: CounterFormValues) => checkForm(counterRegistrationSchema, counterContractShape(values));
