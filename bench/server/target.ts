/**
 * The server under load, in its own process so autocannon's work does not share its event loop:
 *   tsx bench/server/target.ts bare
 *   tsx bench/server/target.ts tongban <sqlite|postgres-url>
 * Prints one JSON line `{ port, path, token? }` when ready, and runs until killed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildServer } from '../../src-server/app';
import { insertAccount } from '../../src-server/domain/accounts';
import { createSession } from '../../src-server/domain/sessions';
import type {} from '../../src-server/services';

const [kind, database] = process.argv.slice(2);

if (kind === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ id: randomUUID(), name: '苏州测试科技有限公司' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port, path: '/bare' }));
} else {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-bench-'));
  const app = await buildServer({
    env: {},
    config: { dataDir, databaseUrl: database === 'sqlite' ? null : (database ?? null), trustDir: path.join(dataDir, 'trust') },
  });
  const { db } = app.services;
  const now = new Date();
  const enterpriseId = randomUUID();
  await db
    .insertInto('enterprises')
    .values({ id: enterpriseId, uscc: '91320594MA1MXK3R3C', name: '苏州星河智能科技有限公司', address: '江苏省苏州市工业园区', legal_representative: '张三', created_at: now.toISOString(), updated_at: now.toISOString() })
    .execute();
  const account = await insertAccount(
    db,
    { enterpriseId, username: 'clerk', role: 'handler', displayName: '王五', mobile: '13800000000', password: 'Bench#Password-1', permissions: ['subsidy'] },
    { type: 'system', id: null },
    now,
  );
  // A clerk past the first-login password change, as in normal use.
  await db.updateTable('accounts').set({ must_change_password: 0 }).where('id', '=', account.id).execute();
  const { token } = await createSession(db, { type: 'account', id: account.id }, now);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.once('SIGTERM', () => {
    void app.close().then(() => rm(dataDir, { recursive: true, force: true })).then(() => process.exit(0));
  });
  console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port, path: `/api/enterprises/${enterpriseId}`, token }));
}
