/**
 * Counter registration (线下注册): a staff member at the counter creates an enterprise from the originals shown
 * (src-shared/contract/http/counter-registration.ts). The registry only advises: its findings are shown, and the
 * clerk, who holds the originals, may register anyway; the findings and the override are kept with the record.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { CounterRegistration, RegistryFinding } from '@shared/contract/http/counter-registration';
import { maskMobile } from '@shared/validation/mobile';
import { normalizeCodeInput } from '@shared/validation/normalize';
import type { Database } from '../db/schema';
import type {} from '../db/schema-counter';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import { writeAudit } from './audit';
import { announceNewEnterprise, createEnterpriseWithAccounts } from './enterprise-create';
import { initialPasswordKey } from './initial-password-outbox';

/** Names compare without the spaces and bracket widths people type differently (（苏州） vs (苏州)). */
const sameName = (a: string, b: string) => {
  const norm = (s: string) => normalizeCodeInput(s).replace(/\s/g, '');
  return norm(a) === norm(b);
};

/** What the registry says about the typed enterprise: nothing when it matches. */
export async function registryFindings(db: Kysely<Database>, input: CounterRegistration) {
  const entry = await db.selectFrom('registry_entries').selectAll().where('uscc', '=', input.enterprise.uscc).executeTakeFirst();
  if (!entry) return { findings: ['notFound'] as RegistryFinding[], registry: null };
  const findings: RegistryFinding[] = [];
  if (entry.status !== 'active') findings.push('notActive');
  if (!sameName(entry.name, input.enterprise.name)) findings.push('name');
  if (!sameName(entry.legal_representative, input.enterprise.legalRepresentative)) findings.push('legalRepresentative');
  // The registry's document may be of another type (an older passport); only a number it holds can disagree.
  if (entry.id_number && normalizeCodeInput(entry.id_number) !== input.legalRepresentativeDocument.number) findings.push('document');
  return { findings, registry: { name: entry.name, legalRepresentative: entry.legal_representative } };
}

/** Refuses an enterprise that already has accounts, before the clerk goes on to the confirmation. */
export async function assertNotRegistered(db: Kysely<Database>, uscc: string) {
  if (await db.selectFrom('enterprises').select('id').where('uscc', '=', uscc).executeTakeFirst()) throw new ApiError('ENTERPRISE_ALREADY_REGISTERED');
}

/** Every scan named must be one this staff member uploaded through the console (SCAN_NOT_UPLOADED_HERE otherwise). */
async function assertOwnScans(db: Kysely<Database>, staffId: string, scans: CounterRegistration['scans']) {
  const named = Object.entries(scans).filter((e): e is [string, string] => typeof e[1] === 'string');
  const issues = [];
  for (const [scan, sha256] of named) {
    const mine = await db.selectFrom('staff_uploads').select('id').where('staff_id', '=', staffId).where('sha256', '=', sha256).executeTakeFirst();
    if (!mine) issues.push({ path: `body.scans.${scan}`, code: 'SCAN_NOT_UPLOADED_HERE' });
  }
  if (issues.length) throw new ApiError('BODY_INVALID', { issues });
}

export async function createCounterRegistration(
  services: Services,
  input: CounterRegistration,
  ctx: { staffId: string; requestId: string; log: FastifyBaseLogger },
) {
  const { db, clock } = services;
  const now = clock.now();
  await assertOwnScans(db, ctx.staffId, input.scans);
  const { findings } = await registryFindings(db, input);
  if (findings.length > 0 && !input.registryOverride) throw new ApiError('COUNTER_REGISTRY_MISMATCH');
  const actor = { type: 'staff' as const, id: ctx.staffId };
  const id = randomUUID();
  const visitor = input.visitor;

  const created = await db.transaction().execute(async (tx) => {
    const made = await createEnterpriseWithAccounts(
      tx,
      { ...input.enterprise, administrator: { name: input.administrator.name, mobile: input.administrator.mobile, email: input.administrator.email ?? null } },
      { actor, now, requestId: ctx.requestId, outboxKey: await initialPasswordKey(services.config) },
    );
    const row = {
      id,
      enterprise_id: made.enterpriseId,
      staff_id: ctx.staffId,
      visitor_kind: visitor.kind,
      agent_name: visitor.kind === 'agent' ? visitor.name : null,
      agent_id_number: visitor.kind === 'agent' ? visitor.idNumber : null,
      legal_representative_document_json: JSON.stringify(input.legalRepresentativeDocument),
      checklist_json: JSON.stringify(input.checklist),
      agreement_sha256: input.scans.agreement!,
      authorisation_letter_sha256: input.scans.authorisationLetter ?? null,
      registry_findings_json: JSON.stringify(findings),
      registry_override: findings.length > 0 ? 1 : 0,
      created_at: now.toISOString(),
    };
    await tx.insertInto('counter_registrations').values(row).execute();
    // The enterprise owns its scans from now on, as a CA registration's: housekeeping leaves them alone.
    for (const sha256 of [row.agreement_sha256, row.authorisation_letter_sha256]) {
      if (!sha256) continue;
      await tx
        .insertInto('file_owners')
        .values({ sha256, enterprise_id: made.enterpriseId, item: 'registration', created_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['sha256', 'enterprise_id']).doNothing())
        .execute();
    }
    await writeAudit(tx, { actor, enterpriseId: made.enterpriseId, action: 'counterRegistration.create', subjectType: 'counterRegistration', subjectId: id, after: row, at: now, requestId: ctx.requestId });
    if (row.registry_override) {
      await writeAudit(tx, { actor, enterpriseId: made.enterpriseId, action: 'counterRegistration.registryOverride', subjectType: 'counterRegistration', subjectId: id, after: { findings }, at: now, requestId: ctx.requestId });
    }
    return made;
  });

  await announceNewEnterprise(services, created, ctx.log);
  return {
    counterRegistrationId: id,
    enterpriseId: created.enterpriseId,
    uscc: created.enterprise.uscc,
    name: created.enterprise.name,
    usernames: ['admin', 'super'],
    mobile: maskMobile(created.enterprise.administratorMobile),
    createdAt: now.toISOString(),
  };
}
