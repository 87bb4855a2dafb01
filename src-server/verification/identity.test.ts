import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SimulatedIdentityVerifier } from './identity';

// The demo (`npm run tokens:demo` writes data/demo-identity.csv) and tests control the simulation by its persons.
it('knows the persons of its seed file, and no virtual operator\u2019s mobile', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'identity-'));
  try {
    const file = path.join(dir, 'persons.csv');
    await writeFile(file, '\uFEFFname,idNumber,mobile\r\n张 伟,11010519491231002x,13812341234\r\n');
    const sim = new SimulatedIdentityVerifier();
    await sim.load(file);
    const zhang = { name: '张伟', idNumber: '11010519491231002X', mobile: '13812341234' };
    expect(await sim.verify(zhang)).toBe('verified');
    expect(await sim.verify({ ...zhang, mobile: '13812340000' })).toBe('notHeld');
    expect(await sim.verify({ ...zhang, name: '张三' })).toBe('notHeld');
    expect(await sim.verify({ ...zhang, mobile: '17012341234' })).toBe('carrierUnknown');
    await writeFile(file, 'name,mobile\n张伟,13812341234\n');
    await expect(sim.load(file)).rejects.toThrow(/name,idNumber,mobile/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
