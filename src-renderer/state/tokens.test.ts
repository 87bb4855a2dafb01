import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { TokenCertificate } from '@shared/contract/token';
import { certificate } from '../test-support/certificates';
import { afterAttempt, applyCertificates, TOKENS_RETRY_MS, useTokens, type TokensSnapshot } from './tokens';

const start: TokensSnapshot = { status: 'loading', certificates: [], removed: false };
const a = certificate();
const b = certificate({ fingerprint: 'b'.repeat(64) });

describe('applyCertificates', () => {
  it('reports keys found', () => {
    expect(applyCertificates(start, [a, b])).toEqual({ status: 'ready', certificates: [a, b], removed: false });
  });

  it('flags a pulled key until one is plugged in again', () => {
    const pulled = applyCertificates(applyCertificates(start, [a]), []);
    expect(pulled.removed).toBe(true);
    expect(applyCertificates(pulled, []).removed).toBe(true);
    expect(applyCertificates(pulled, [a]).removed).toBe(false);
  });

  it('does not call "none found at start" a removal', () => {
    expect(applyCertificates(start, []).removed).toBe(false);
  });
});

describe('afterAttempt', () => {
  it('keeps a refusal of the key itself beside it until the key works, and forgets a wrong PIN', () => {
    const revoked = afterAttempt({}, a.fingerprint, { ok: false, error: { code: 'CERT_REVOKED', retriable: false } });
    expect(revoked[a.fingerprint]?.code).toBe('CERT_REVOKED');
    expect(afterAttempt(revoked, a.fingerprint, { ok: false, error: { code: 'PIN_INCORRECT', retriable: false } })).toBe(revoked);
    expect(afterAttempt(revoked, b.fingerprint, { ok: false, error: { code: 'TOKEN_ERROR', retriable: false } })).toMatchObject({ [a.fingerprint]: { code: 'CERT_REVOKED' }, [b.fingerprint]: { code: 'TOKEN_ERROR' } });
    expect(afterAttempt(revoked, a.fingerprint, { ok: true, value: null })).toEqual({});
  });
});

describe('useTokens', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('follows tokens.changed and retries while the token service is down', async () => {
    vi.useFakeTimers();
    let listener: ((c: TokenCertificate[]) => void) | null = null;
    const answers = [{ ok: false, error: { code: 'TOKEN_SERVICE_UNAVAILABLE', retriable: true } }, { ok: true, value: [a] }];
    const api = {
      tokens: { list: vi.fn(async () => answers.shift()) },
      on: (_: string, l: (c: TokenCertificate[]) => void) => {
        listener = l;
        return () => (listener = null);
      },
    };
    vi.stubGlobal('window', { tongban: api as unknown as TongbanClientApi });
    useTokens.setState({ status: 'loading', certificates: [], removed: false });
    const stop = useTokens.getState().start();
    await vi.advanceTimersByTimeAsync(0);
    expect(useTokens.getState().status).toBe('unavailable');
    await vi.advanceTimersByTimeAsync(TOKENS_RETRY_MS);
    expect(useTokens.getState()).toMatchObject({ status: 'ready', certificates: [a] });
    listener!([]);
    expect(useTokens.getState()).toMatchObject({ certificates: [], removed: true });
    stop();
    expect(listener).toBeNull();
  });
});
