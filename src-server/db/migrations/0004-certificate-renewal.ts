/**
 * 0004: what a renewed CA certificate is compared with (domain/certificate-renewal.ts). A certificate binding keeps
 * the bound certificate itself (`certificate_der`, base64 DER: subject, issuer, USCC and validity as the CA wrote
 * them) and the trust profile whose root anchored it at the time (`ca_profile`); a registration keeps that profile
 * until its confirmation creates the binding. Frozen once merged.
 *
 * Existing rows are filled from what the server already recorded: the registration's certificate (registrations
 * keep its DER under the same fingerprint) and the profile the server verified at submission (the
 * `registration.submit` audit row's `caProfile`). A binding that cannot be filled stays NULL and is simply never
 * renewed automatically (CA_CERT_NOT_BOUND, as before).
 */
import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').addColumn('ca_profile', 'text').execute();
  await db.schema.alterTable('certificate_bindings').addColumn('certificate_der', 'text').execute();
  await db.schema.alterTable('certificate_bindings').addColumn('ca_profile', 'text').execute();

  // The profile of each registration, from its submission's audit row (JSON parsed here, not in SQL: SQLite and
  // PostgreSQL spell JSON access differently).
  const submits = (await db
    .selectFrom('audit_log')
    .select(['subject_id', 'after_json'])
    .where('action', '=', 'registration.submit')
    .where('subject_type', '=', 'registration')
    .execute()) as { subject_id: string; after_json: string | null }[];
  for (const row of submits) {
    let profile: unknown;
    try {
      profile = (JSON.parse(row.after_json ?? 'null') as { caProfile?: unknown } | null)?.caProfile;
    } catch {
      continue;
    }
    if (typeof profile !== 'string' || profile === '') continue;
    await db.updateTable('registrations').set({ ca_profile: profile }).where('id', '=', row.subject_id).where('ca_profile', 'is', null).execute();
  }

  // Every binding so far was written by a registration's confirmation: same fingerprint, same enterprise.
  await sql`
    UPDATE certificate_bindings SET
      certificate_der = (SELECT r.certificate_der FROM registrations r
        WHERE r.certificate_fingerprint = certificate_bindings.fingerprint AND r.enterprise_id = certificate_bindings.enterprise_id
        ORDER BY r.created_at LIMIT 1),
      ca_profile = (SELECT r.ca_profile FROM registrations r
        WHERE r.certificate_fingerprint = certificate_bindings.fingerprint AND r.enterprise_id = certificate_bindings.enterprise_id
        ORDER BY r.created_at LIMIT 1)
    WHERE certificate_der IS NULL
  `.execute(db);

  await db.schema.createIndex('certificate_bindings_enterprise').on('certificate_bindings').column('enterprise_id').execute();
}

/** Undo (for a rollback of this release and for the test that replays the upgrade of existing bindings). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('certificate_bindings_enterprise').execute();
  await db.schema.alterTable('certificate_bindings').dropColumn('ca_profile').execute();
  await db.schema.alterTable('certificate_bindings').dropColumn('certificate_der').execute();
  await db.schema.alterTable('registrations').dropColumn('ca_profile').execute();
}
