/**
 * The RFC 3161 client against a real `openssl ts -reply` TSA: a token is taken only when it answers the question
 * asked (granted, our SHA-256 imprint, our nonce), so a TSA or a man in the middle replaying another token is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTsa, type TestTsa } from '../../../tests/fixtures/tsa';
import { requestTimeStamp, timeStampRequest, tokenFromResponse, TsaError } from './tsa';

let tsa: TestTsa;
beforeAll(async () => {
  tsa = await startTsa();
});
afterAll(async () => {
  await tsa?.stop();
});

const digestOf = (s: string) => new Uint8Array(createHash('sha256').update(s).digest());

async function rawAnswer(digest: Uint8Array, nonce: Uint8Array): Promise<Uint8Array> {
  const res = await fetch(tsa.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from(timeStampRequest(digest, nonce)) });
  return new Uint8Array(await res.arrayBuffer());
}

describe('RFC 3161 client', () => {
  it('returns the token for our digest, and refuses an answer to another digest or another nonce', async () => {
    const digest = digestOf('signature value');
    expect((await requestTimeStamp(tsa.url, digest)).length).toBeGreaterThan(500);

    const nonce = randomBytes(8);
    const answer = await rawAnswer(digest, nonce);
    expect(tokenFromResponse(answer, digest, nonce).length).toBeGreaterThan(500);
    expect(() => tokenFromResponse(answer, digestOf('something else'), nonce)).toThrow(TsaError);
    expect(() => tokenFromResponse(answer, digest, randomBytes(8))).toThrow(/nonce/);
    expect(() => tokenFromResponse(new Uint8Array([1, 2, 3]), digest, nonce)).toThrow(TsaError);
  });

  it('reports a TSA that is down or unreachable as a TsaError', async () => {
    tsa.down = true;
    try {
      await expect(requestTimeStamp(tsa.url, digestOf('x'))).rejects.toThrow(/503/);
    } finally {
      tsa.down = false;
    }
    await expect(requestTimeStamp('http://127.0.0.1:9/tsr', digestOf('x'), 2000)).rejects.toThrow(TsaError);
  });
});
