/**
 * The subsidy's domain words for people (zh-CN and English): statuses, form fields, choices and attachment
 * requirements, keyed by the contract's names: the words are src-shared's (subsidy/status-labels.ts, field-labels.ts),
 * the same as the desktop's and the printed forms'.
 */
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import * as shared from '@shared/subsidy/field-labels';
import { subsidyStatusLabels, type StatusText } from '@shared/subsidy/status-labels';
import type { Lang } from './messages';

type Pairs = Record<string, readonly [string, string]>;
const pick = (pairs: Pairs, key: string, lang: Lang) => pairs[key]?.[lang === 'en' ? 1 : 0] ?? key;

export const statusColors: Record<SubsidyStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'cyan',
  returned: 'orange',
  resubmitted: 'purple',
  approved: 'green',
  publicity: 'gold',
  disbursement_pending: 'geekblue',
  receipt_submitted: 'geekblue',
  receipt_returned: 'orange',
  paid: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** The status words every desk shares (src-shared/subsidy/status-labels.ts). */
export const statusLabel = (status: SubsidyStatus, lang: Lang) => subsidyStatusLabels[status][lang];

/** A shared table (src-shared/subsidy/field-labels.ts) as the console's [zh-CN, en] pairs. */
const pairs = <K extends string>(labels: Readonly<Record<K, StatusText>>, keys: readonly K[] = Object.keys(labels) as K[]): Pairs =>
  Object.fromEntries(keys.map((k) => [k, [labels[k]['zh-CN'], labels[k].en] as const]));

/** Talent fields in the order the form shows them. */
export const talentFieldLabels: Pairs = pairs(shared.talentFieldLabels, shared.talentFields);

/** Sub-fields a reviewer may point at inside a talent's composite fields. */
export const talentSubFieldLabels: Pairs = pairs(
  shared.talentFieldLabels,
  (Object.keys(shared.talentFieldLabels) as shared.TalentField[]).filter((f) => f.includes('.')),
);

export const contactFieldLabels: Pairs = pairs(shared.contactFieldLabels);

export const choiceLabel = (field: string, value: string, lang: Lang) => shared.choiceLabel(field, value, lang);

export const requirementLabels: Pairs = pairs(shared.requirementLabels);

export const talentFieldLabel = (field: string, lang: Lang) => pick({ ...talentFieldLabels, ...talentSubFieldLabels }, field, lang);
export const contactFieldLabel = (field: string, lang: Lang) => pick(contactFieldLabels, field, lang);
export const requirementLabel = (requirement: string, lang: Lang) => pick(requirementLabels, requirement, lang);
