/**
 * Migration 0014's mapping of existing staff (issue 17 item 6): `support` who registered an enterprise at the counter
 * becomes `counter`, every other account keeps its role. On both databases, from the schema before it.
 */
import { Migrator } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../tests/fixtures/server/databases';
import { staffToken } from '../../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../../tests/fixtures/server/harness';
import { migrateToLatest } from '../connect';
import { migrations } from './index';

describeEachDatabase('migration 0014: staff duties', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
  });
  afterAll(() => h?.close());

  it('maps support staff who registered at the counter to counter, and leaves everyone else as they were', async () => {
    const registrar = await h.scene.staff('counter');
    await h.scene.counterEnterprise({ support: registrar });
    await staffToken(h, 'support');
    await staffToken(h, 'reviewer');
    const { db } = h.app.services;
    const roles = async () => Object.fromEntries((await db.selectFrom('staff_accounts').select(['username', 'role']).execute()).map((r) => [r.username, r.role]));

    // Before 0014 there was no counter role: the registrar was support.
    const down = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('0011-account-roles');
    expect(down.error).toBeUndefined();
    const before = await roles();
    expect(before[registrar.username]).toBe('support');
    expect(Object.values(before)).not.toContain('counter');

    await migrateToLatest(db);
    const after = await roles();
    expect(after).toEqual({ ...before, [registrar.username]: 'counter' });
    expect(Object.entries(after).filter(([u]) => u.startsWith('staff-support-')).map(([, r]) => r)).toEqual(['support']);
  });
});
