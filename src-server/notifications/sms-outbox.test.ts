/**
 * The development SMS outbox (issue 17 item 4): named so in config, logs and the health answer, refused for a
 * public origin, and emptied as soon as the server starts with a real gateway, on both databases.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, newDatabaseUrl } from '../../tests/fixtures/server/databases';
import { buildServer } from '../app';
import { isDevelopmentHost } from '../config';

const logInto = (lines: string[]) =>
  new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });

describeEachDatabase('development SMS outbox', (engine) => {
  let dir: string;
  let databaseUrl: string | null;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-sms-'));
    databaseUrl = await newDatabaseUrl(engine);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const env = (more: Record<string, string>) => ({ TONGBAN_DATA_DIR: dir, ...(databaseUrl ? { TONGBAN_DATABASE_URL: databaseUrl } : {}), ...more });

  it('refuses to start without an SMS gateway when the public origin is not loopback', async () => {
    await expect(buildServer({ env: env({ TONGBAN_PUBLIC_ORIGIN: 'https://one.sipac.gov.cn' }) })).rejects.toThrow(
      /TONGBAN_SMS_URL is not set.*development SMS outbox.*https:\/\/one\.sipac\.gov\.cn/,
    );
    expect(['127.0.0.1', '[::1]', 'localhost', 'one.tongban.test'].map(isDevelopmentHost)).toEqual([true, true, true, true]);
    expect(['one.sipac.gov.cn', '10.0.0.5', 'localhost.example.com', '127.0.0.1.nip.io'].map(isDevelopmentHost)).toEqual([false, false, false, false]);
  });

  it('says so at start and in /api/health on loopback, and keeps the texts there only until a real gateway is configured', async () => {
    const lines: string[] = [];
    const dev = await buildServer({ env: env({}), logger: logInto(lines) });
    expect((await dev.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ sms: 'development-outbox' });
    expect(lines.some((l) => l.includes('SMS: development outbox'))).toBe(true);
    await dev.services.sms.send('13600000001', '初始密码(Xy7#kP2q)');
    expect(await dev.services.db.selectFrom('sms_outbox').select('text').execute()).toHaveLength(1);
    await dev.close();

    const prod = await buildServer({ env: env({ TONGBAN_PUBLIC_ORIGIN: 'https://one.sipac.gov.cn', TONGBAN_SMS_URL: 'http://127.0.0.1:9/sms' }) });
    expect((await prod.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ sms: 'http' });
    expect(await prod.services.db.selectFrom('sms_outbox').select('text').execute()).toEqual([]);
    await prod.close();
  });
});
