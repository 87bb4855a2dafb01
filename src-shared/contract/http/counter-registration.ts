/**
 * Counter registration (线下注册, manual 002 §六): an enterprise without a CA key comes to the service hall; a staff
 * member (`support` or `admin`) enters the enterprise, the legal representative's identity document, who came (the
 * legal representative in person, or an agent with a stamped authorisation letter), the administrator, ticks the
 * originals seen off the manual's checklist, scans the stamped agreement (and the letter), and creates the
 * enterprise with its `admin` and `super` accounts; the passwords go by SMS to the administrator's mobile.
 *
 * The registry (法人库) is advice here, not a gate: the clerk holds the originals, so a mismatch is shown and the
 * clerk may override it; the override is recorded.
 */
import { z } from 'zod';
import { staffDuties } from './staff-duties';
import type { FieldIssue } from '../../validation/issues';
import { identityDocumentSchema } from '../../validation/identity-document';
import { residentIdSchema } from '../../validation/zod';
import { registrationAdministratorSchema, registrationEnterpriseSchema } from './registration';
import { defineRoute, isoDateTimeSchema, sha256HexSchema, uuidSchema } from './route';

export const VISITOR_KINDS = ['legalRepresentative', 'agent'] as const;
export type VisitorKind = (typeof VISITOR_KINDS)[number];

/** Every original (or stamped copy) the manual lists, in its order. */
export const COUNTER_CHECKLIST_ITEMS = ['agreement', 'legalRepresentativeId', 'businessLicence', 'agentId', 'authorisationLetter'] as const;
export type CounterChecklistItem = (typeof COUNTER_CHECKLIST_ITEMS)[number];

/**
 * The manual's list per visitor (002 §六 1): the stamped and signed agreement always; in person the legal
 * representative's identity document (original) and the business licence (original or stamped copy); an agent
 * also the agent's ID card (original), the legal representative's document (original or stamped copy) and the
 * stamped authorisation letter.
 */
export const COUNTER_CHECKLIST: Record<VisitorKind, readonly CounterChecklistItem[]> = {
  legalRepresentative: ['agreement', 'legalRepresentativeId', 'businessLicence'],
  agent: ['agreement', 'agentId', 'businessLicence', 'legalRepresentativeId', 'authorisationLetter'],
};

/** The scans kept: the stamped agreement always, the authorisation letter when an agent came. */
export const COUNTER_SCANS = ['agreement', 'authorisationLetter'] as const;
export type CounterScan = (typeof COUNTER_SCANS)[number];
export const counterScansRequired = (kind: VisitorKind): readonly CounterScan[] => (kind === 'agent' ? COUNTER_SCANS : ['agreement']);

/** Codes of this flow's rules (texts in validation-messages.ts); the server's: a scan another staff member uploaded. */
export const COUNTER_RULE_CODES = ['CHECKLIST_ITEM_REQUIRED', 'SCAN_NOT_UPLOADED_HERE'] as const;

export const counterVisitorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('legalRepresentative') }),
  z.object({ kind: z.literal('agent'), name: z.string().trim().min(1).max(50), idNumber: residentIdSchema }),
]);

/** The one rule over the whole form: what the visitor had to show was seen, and the scans it needs are there. */
export function counterRegistrationIssues(value: { visitor: { kind: VisitorKind }; checklist: readonly string[]; scans: Partial<Record<CounterScan, string>> }): FieldIssue[] {
  const kind = value.visitor.kind;
  const seen = new Set(value.checklist);
  return [
    ...COUNTER_CHECKLIST[kind].filter((i) => !seen.has(i)).map((i) => ({ path: `checklist.${i}`, code: 'CHECKLIST_ITEM_REQUIRED' })),
    ...counterScansRequired(kind).filter((s) => !value.scans[s]).map((s) => ({ path: `scans.${s}`, code: 'ATTACHMENT_REQUIRED' })),
  ];
}

/** What the counter clerk enters; the console's form checks it with this very schema. */
export const counterRegistrationSchema = z
  .object({
    enterprise: registrationEnterpriseSchema,
    legalRepresentativeDocument: identityDocumentSchema,
    visitor: counterVisitorSchema,
    administrator: registrationAdministratorSchema.omit({ idNumber: true }),
    checklist: z.array(z.enum(COUNTER_CHECKLIST_ITEMS)).max(COUNTER_CHECKLIST_ITEMS.length),
    /** SHA-256 of each scan, uploaded by this staff member through `staffUploadRoute`. */
    scans: z.object({ agreement: sha256HexSchema.optional(), authorisationLetter: sha256HexSchema.optional() }),
    /** The clerk saw the registry's warnings and registers anyway (recorded with the registration). */
    registryOverride: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    for (const issue of counterRegistrationIssues(value)) {
      ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.code, params: { code: issue.code } });
    }
  });
export type CounterRegistrationInput = z.input<typeof counterRegistrationSchema>;
export type CounterRegistration = z.output<typeof counterRegistrationSchema>;

/** Where the typed enterprise differs from the registry: not in it, not active, another name, legal representative or document. */
export const REGISTRY_FINDINGS = ['notFound', 'notActive', 'name', 'legalRepresentative', 'document'] as const;
export const registryFindingSchema = z.enum(REGISTRY_FINDINGS);
export type RegistryFinding = z.infer<typeof registryFindingSchema>;

const counterStaff = { kind: 'staff', roles: staffDuties.counterRegistration } as const;

export const counterRegistrationCheckRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/counter-registrations/check',
  operationId: 'checkCounterRegistration',
  summary: 'What creating this counter registration would meet: the registry\u2019s findings (the clerk may override them); refuses an enterprise already registered',
  tag: 'counter-registration',
  access: counterStaff,
  body: counterRegistrationSchema,
  response: z.object({
    findings: z.array(registryFindingSchema),
    /** The registry's entry when there is one, to compare with the originals. */
    registry: z.object({ name: z.string(), legalRepresentative: z.string() }).nullable(),
  }),
});

export const counterRegistrationCreateRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/counter-registrations',
  operationId: 'createCounterRegistration',
  summary: 'Creates the enterprise with its admin and super accounts; the passwords go by SMS to the administrator\u2019s mobile',
  tag: 'counter-registration',
  access: counterStaff,
  body: counterRegistrationSchema,
  response: z.object({
    counterRegistrationId: uuidSchema,
    enterpriseId: uuidSchema,
    uscc: z.string(),
    name: z.string(),
    usernames: z.array(z.string()),
    /** The administrator's mobile, masked: where the passwords went. */
    mobile: z.string(),
    createdAt: isoDateTimeSchema,
  }),
});
