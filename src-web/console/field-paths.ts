/**
 * Field and attachment paths as the server names them (`talents[1].invoiceNumber`,
 * `talents[0].attachments.invoice`, `attachments.businessLicence`) and how staff read them ("人才2 · 发票号码").
 */
import type { SubsidyPayload } from '@shared/contract/http/subsidy';
import { subsidyApplicationRequirements, subsidyTalentRequirements } from '@shared/contract/http/subsidy';
import { contactFieldLabel, contactFieldLabels, requirementLabel, talentFieldLabel, talentFieldLabels } from './domain-labels';
import { format, type Lang } from './messages';

const TALENT = /^talents\[(\d+)\](?:\.(.+))?$/;

const talentPrefix = (index: number, lang: Lang) => (lang === 'en' ? `Talent ${index + 1}` : `人才${index + 1}`);

export function pathLabel(path: string, lang: Lang): string {
  const talent = TALENT.exec(path);
  if (talent) {
    const index = Number(talent[1]);
    const rest = talent[2];
    if (!rest) return talentPrefix(index, lang);
    const label = rest.startsWith('attachments.') ? requirementLabel(rest.slice('attachments.'.length), lang) : talentFieldLabel(rest, lang);
    return `${talentPrefix(index, lang)} · ${label}`;
  }
  if (path.startsWith('attachments.')) {
    return `${format(lang, 'attachments.application')} · ${requirementLabel(path.slice('attachments.'.length), lang)}`;
  }
  if (path.startsWith('contact.')) return contactFieldLabel(path.slice('contact.'.length), lang);
  if (path === 'enterprise.name') return format(lang, 'detail.enterpriseName');
  if (path === 'enterprise.uscc') return format(lang, 'detail.uscc');
  if (path === 'amountRequestedFen') return format(lang, 'detail.amountRequested');
  return path;
}

export interface PathOption {
  value: string;
  label: string;
}

/** Every field a reviewer may comment on, in form order. */
export function fieldPathOptions(payload: SubsidyPayload, lang: Lang): PathOption[] {
  const paths = [
    ...Object.keys(contactFieldLabels).map((f) => `contact.${f}`),
    ...payload.talents.flatMap((_, i) => Object.keys(talentFieldLabels).map((f) => `talents[${i}].${f}`)),
  ];
  return paths.map((value) => ({ value, label: pathLabel(value, lang) }));
}

/** Every attachment requirement a reviewer may comment on: the application's and each talent's, present or missing. */
export function attachmentPathOptions(payload: SubsidyPayload, lang: Lang): PathOption[] {
  const paths = [
    ...Object.keys(subsidyApplicationRequirements).map((r) => `attachments.${r}`),
    ...payload.talents.flatMap((_, i) => Object.keys(subsidyTalentRequirements).map((r) => `talents[${i}].attachments.${r}`)),
  ];
  return paths.map((value) => ({ value, label: pathLabel(value, lang) }));
}

/** Whether a changed leaf path (`talents[0].headhunter.name`) falls under a field (`talents[0].headhunter`). */
export const isUnder = (changed: string, field: string) =>
  changed === field || changed.startsWith(`${field}.`) || changed.startsWith(`${field}[`);
