import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Engine } from '../tests/fixtures/server/databases';
import { createHarness, type Harness } from '../tests/fixtures/server/harness';

// TONGBAN_REGISTRY_CSV: the demo (`npm run tokens:demo`) and development servers start with registry data.
describeEachDatabase('registry seed files', (engine: Engine) => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-seed-'));
    const file = path.join(dir, 'registry.csv');
    await writeFile(file, 'uscc,name,legalRepresentative,idType,idNumber,address,status\n91320594MA1MXK3R3C,"苏州星河智能科技有限公司",张伟,居民身份证,11010519491231002X,"江苏省苏州市工业园区星湖街328号",active\n');
    h = await createHarness(engine, { config: { registrySeedFiles: [file] } });
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the seed file at startup', async () => {
    const row = await h.app.services.db.selectFrom('registry_entries').selectAll().where('uscc', '=', '91320594MA1MXK3R3C').executeTakeFirst();
    expect(row).toMatchObject({ name: '苏州星河智能科技有限公司', legal_representative: '张伟' });
  });
});
