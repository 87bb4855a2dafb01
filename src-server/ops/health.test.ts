/**
 * `GET /api/health` as a balancer reads it (issue 20 part 5): 200 while the database and the file store answer,
 * 503 with the failing check named — and nothing more: no reason, path or engine version — when one does not.
 * The engine plays no part in the answer, so SQLite only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';

describe('GET /api/health', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
  });
  afterAll(() => h?.close().catch(() => undefined));

  const health = () => h.call({ method: 'GET', url: '/api/health' });

  it('answers 200 while both answer, 503 naming the file store when it fails, and the database when it is gone', async () => {
    expect([(await health()).statusCode, (await health()).json()]).toEqual([200, expect.objectContaining({ status: 'ok', checks: { database: 'ok', files: 'ok' } })]);

    const files = h.app.services.files;
    h.app.services.files = { ...files, probe: () => Promise.reject(new Error(`EACCES: permission denied, ${h.dataDir}/files/tmp`)) };
    const storeDown = await health();
    expect([storeDown.statusCode, storeDown.headers['retry-after'], storeDown.json()]).toEqual([503, '5', expect.objectContaining({ status: 'unavailable', checks: { database: 'ok', files: 'failing' } })]);
    expect(storeDown.body).not.toMatch(/EACCES|tongban-server-|tmp/);
    h.app.services.files = files;

    await h.app.services.db.destroy();
    const databaseDown = await health();
    expect([databaseDown.statusCode, databaseDown.json().checks]).toEqual([503, { database: 'failing', files: 'ok' }]);
  });
});
