/**
 * `tongban-ca` on an SM2 key (the software SM2 PKCS#11 token, native/p11-sm2), as support would run it: the key is
 * listed with its USCC from the GM/T 0015 extension and `sign` writes a GM/T 0010 CMS. (A wrong PIN on it:
 * src-main/token/sm2.test.ts; exit codes: cli.test.ts.)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSm2Token, type Sm2Token } from '../../../tests/fixtures/sm2-token';
import { verifyCmsSignerSignature } from '../formats/cms';

const repo = path.resolve(import.meta.dirname, '../../..');
// Built for this run (tests/fixtures/token-bundle.ts): see cli.test.ts.
const bin = process.env.TONGBAN_TEST_CLI_BUNDLE || path.join(repo, 'bin', 'tongban-ca.mjs');
let tmp: string;
let token: Sm2Token;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tongban-sm2-cli-'));
  token = await createSm2Token(path.join(tmp, 'token'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', ...token.env, TONGBAN_PKCS11_MODULES: token.modulePath, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end('');
  });
}

// Two real command runs, each starting a token service process: seconds each on a loaded CI machine.
it('lists the SM2 key and signs with it', { timeout: 120_000 }, async () => {
  const list = await cli(['list', '--json']);
  expect(list.code, list.stderr).toBe(0);
  expect(JSON.parse(list.stdout)).toEqual([
    expect.objectContaining({ tokenLabel: token.label, keyType: 'SM2', uscc: token.uscc, usccSource: 'gmt0015-2012-4.1.3', profile: 'jiangsu-ca' }),
  ]);

  const input = path.join(tmp, 'payload.json');
  const out = path.join(tmp, 'payload.p7s');
  await writeFile(input, '{"type":"tongban.registration/v1"}');
  const sign = await cli(['sign', '--cert', token.uscc, '--in', input, '--out', out], { TONGBAN_PIN: token.pin });
  expect(sign.code, sign.stderr).toBe(0);
  const verified = verifyCmsSignerSignature(await readFile(out), await readFile(input));
  expect(verified.certificate.uscc?.value).toBe(token.uscc);
});
