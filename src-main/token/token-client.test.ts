import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TokenCertificate, TokenServiceMessage } from '@shared/contract/token';
import { createTokenSandbox, type TokenSandbox } from '../../tests/fixtures/tokens';
import { forkNodeService, TokenClient, type ServiceProcess, type SpawnService } from './token-client';

let sandbox: TokenSandbox;
let client: TokenClient | null = null;

beforeAll(async () => {
  sandbox = await createTokenSandbox({ only: ['JSCA-RSA-0001', 'SZCA-EC-0004'] });
});
afterEach(async () => {
  await client?.stop();
  client = null;
});
afterAll(() => sandbox.cleanup());

const env = () => ({ ...process.env, ...sandbox.env, TONGBAN_PKCS11_MODULES: sandbox.modulePath, TONGBAN_TOKEN_LOG: 'silent' });

/** Resolves with the first tokens-changed event whose certificate set satisfies `predicate`. */
function nextChange(c: TokenClient, predicate: (certs: TokenCertificate[]) => boolean): Promise<{ certs: TokenCertificate[]; at: number }> {
  return new Promise((resolve) => {
    const listener = (certs: TokenCertificate[]) => {
      if (!predicate(certs)) return;
      c.off('tokens-changed', listener);
      resolve({ certs, at: Date.now() });
    };
    c.on('tokens-changed', listener);
  });
}
const labels = (certs: TokenCertificate[]) => certs.map((c) => c.tokenLabel).sort();

describe('token service process', () => {
  it('answers typed requests from its own process', async () => {
    client = new TokenClient({ env: env() });
    const result = await client.call('list', {});
    expect(result.ok && labels(result.value)).toEqual(['JSCA-RSA-0001', 'SZCA-EC-0004']);
  });

  it('pushes insertion and removal within 2 s', async () => {
    client = new TokenClient({ env: env(), pollMs: 500 });
    const first = nextChange(client, (c) => c.length === 2);
    await client.start();
    await first;

    const removedAt = Date.now();
    const removal = nextChange(client, (c) => !labels(c).includes('SZCA-EC-0004'));
    await sandbox.removeToken('SZCA-EC-0004');
    const removed = await removal;
    expect(labels(removed.certs)).toEqual(['JSCA-RSA-0001']);
    expect(removed.at - removedAt).toBeLessThan(2_000);

    const insertedAt = Date.now();
    const insertion = nextChange(client, (c) => labels(c).includes('JSCA-EC-0002'));
    await sandbox.restoreToken('JSCA-EC-0002'); // a key never seen before by this process
    const inserted = await insertion;
    expect(labels(inserted.certs)).toEqual(['JSCA-EC-0002', 'JSCA-RSA-0001']);
    expect(inserted.at - insertedAt).toBeLessThan(2_000);
    await sandbox.removeToken('JSCA-EC-0002');
    await sandbox.restoreToken('SZCA-EC-0004');
  });

  it('restarts a crashed service: calls in flight fail as retriable, the next call works', async () => {
    let current: ServiceProcess | null = null;
    const spawn: SpawnService = (e) => (current = forkNodeService(e));
    client = new TokenClient({ env: env(), spawn });
    expect((await client.call('list', {})).ok).toBe(true);
    const restarted = new Promise<void>((resolve) => client!.once('restarted', () => resolve()));
    const inFlight = client.call('list', {});
    current!.kill(); // what a vendor DLL's access violation looks like from outside
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'TOKEN_DRIVER_CRASHED', retriable: true } });
    await restarted;
    const again = await client.call('list', {});
    expect(again.ok && again.value).toHaveLength(2);
  });
});

describe('token client against a service that hangs', () => {
  /** A service stuck inside a vendor call (a PIN pad nobody answers): ready, then silent. */
  const hanging: SpawnService = () => {
    let onMessage: (m: TokenServiceMessage) => void = () => {};
    let onExit: (code: number | null) => void = () => {};
    const proc: ServiceProcess & { killed: boolean } = {
      killed: false,
      send: () => {},
      onMessage: (l) => {
        onMessage = l;
        setTimeout(() => onMessage({ kind: 'ready' }), 0);
      },
      onExit: (l) => (onExit = l),
      kill: () => {
        proc.killed = true;
        onExit(null);
      },
    };
    return proc;
  };

  it('times out with TIMEOUT (retriable)', async () => {
    client = new TokenClient({ spawn: hanging, timeoutMs: 200 });
    expect(await client.call('list', {})).toMatchObject({ ok: false, error: { code: 'TIMEOUT', retriable: true } });
  });

  it('cancels with USER_CANCELLED', async () => {
    client = new TokenClient({ spawn: hanging, timeoutMs: 10_000 });
    const pending = client.call('signCms', { cert: '91320594MA1MXK3R3C', content: '' });
    setTimeout(() => client!.cancel(), 50);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'USER_CANCELLED', retriable: true } });
  });
});
