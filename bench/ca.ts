// `npm run bench:ca`: what the token service costs over raw pkcs11js, measured in one run on the same SoftHSM
// token and key, plus the time to discover three keys. Run it after changing the token service or its protocol.
//
// raw:     per signature, what any correct caller does with pkcs11js: open a session, log in, find the key,
//          C_Sign (CKM_SHA256_RSA_PKCS), log out, close — the token service logs in per operation too.
// service: TokenClient.call('signCms') — IPC to the service process, key lookup, the same PKCS#11 calls,
//          CMS building and the signature self-check.
// Targets (issue 3): median ratio <= 1.2; discovery of 3 tokens <= 50 ms once modules are loaded.
// Raw and service signatures alternate in batches of ten (round robin), so a neighbour's burst on a shared machine
// slows both alike; the load average is printed beside the figures.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createTokenSandbox } from '../tests/fixtures/tokens';
import { TokenClient } from '../src-main/token/token-client';
import { TokenService } from '../src-main/token/token-service';
import { DIGEST_INPUT_SIZE, rawSigner } from './ca-raw';

const N = Number(process.env.BENCH_SIGNATURES ?? 200);
const LABEL = 'JSCA-RSA-0001';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const sandbox = await createTokenSandbox({ only: [LABEL, 'JSCA-EC-0002', 'SZCA-RSA-0003'] });
try {
  const token = sandbox.issued(LABEL);
  process.env.SOFTHSM2_CONF = sandbox.conf;

  // Discovery inside the service, modules loaded (the first call loads them and is not counted).
  const inProcess = new TokenService({ env: { TONGBAN_PKCS11_MODULES: sandbox.modulePath } });
  await inProcess.handle('list', {});
  const discovery: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const r = await inProcess.handle('list', {});
    discovery.push(performance.now() - t0);
    if (!r.ok || r.value.length !== 3) throw new Error('discovery did not find the 3 tokens');
  }
  inProcess.close();

  const client = new TokenClient({ env: { ...process.env, ...sandbox.env, TONGBAN_PKCS11_MODULES: sandbox.modulePath, TONGBAN_TOKEN_LOG: 'silent' } });
  await client.start();
  const content = Buffer.alloc(DIGEST_INPUT_SIZE, 0x41).toString('base64');
  const warm = await client.call('signCms', { cert: token.uscc!, content, pin: token.userPin });
  if (!warm.ok) throw new Error(`service signing failed: ${warm.error.code}`);
  const raw = rawSigner({ module: sandbox.modulePath, label: LABEL, pin: token.userPin });
  raw.sign(); // the first one warms up
  const rawTimings: number[] = [];
  const service: number[] = [];
  for (let i = 0; i < 2 * N; i++) {
    if (i % 20 < 10) {
      rawTimings.push(raw.sign());
      continue;
    }
    const t0 = performance.now();
    const r = await client.call('signCms', { cert: token.uscc!, content, pin: token.userPin });
    service.push(performance.now() - t0);
    if (!r.ok) throw new Error(`service signing failed: ${r.error.code}`);
  }
  raw.close();

  const overIpc: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await client.call('list', {});
    overIpc.push(performance.now() - t0);
  }
  await client.stop();

  const rawMedian = median(rawTimings);
  const serviceMedian = median(service);
  const ratio = serviceMedian / rawMedian;
  const rows = [
    ['raw pkcs11js sign (session+login+sign+logout)', `${rawMedian.toFixed(2)} ms`, `n=${rawTimings.length}`],
    ['token service signCms (IPC+CMS+self-check)', `${serviceMedian.toFixed(2)} ms`, `n=${service.length}`],
    ['ratio service/raw', ratio.toFixed(2), 'target <= 1.20'],
    ['discovery of 3 tokens (SoftHSM re-initialised)', `${median(discovery).toFixed(2)} ms`, 'target <= 50 ms (module loaded)'],
    ['list over IPC, for comparison', `${median(overIpc).toFixed(2)} ms`, 'n=50'],
    ['load average', loadavg().map((l) => l.toFixed(2)).join(' '), ''],
  ];
  for (const [name, value, note] of rows) console.log(`${name!.padEnd(50)} ${value!.padStart(10)}   ${note}`);
  const ok = ratio <= 1.2 && median(discovery) <= 50;
  console.log(ok ? 'bench:ca within targets' : 'bench:ca OUTSIDE targets');
  process.exitCode = ok ? 0 : 1;
} finally {
  await sandbox.cleanup();
}
