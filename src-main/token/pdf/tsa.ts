/**
 * RFC 3161 time-stamp client: asks a TSA to vouch for a hash (PAdES B-T: the hash of the signature value) and
 * returns the TimeStampToken's DER exactly as the TSA sent it (re-encoding could change the signed bytes). The
 * token is accepted only if it answers our question: status granted, SHA-256 imprint and nonce as sent.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CMS_OID } from '../formats/cms-oids';
import { octetString, oid, sequence, smallInteger, unsignedInteger } from '../formats/der';

export class TsaError extends Error {
  override name = 'TsaError';
}

const BOOLEAN_TRUE = Uint8Array.of(0x01, 0x01, 0xff);

export function timeStampRequest(digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  // TimeStampReq { version 1, messageImprint { sha256, digest }, nonce, certReq TRUE (the TSA's certificate in the
  // token, so a verifier needs nothing else) }
  return sequence(smallInteger(1), sequence(sequence(oid(CMS_OID.sha256)), octetString(digest)), unsignedInteger(nonce), BOOLEAN_TRUE);
}

const buf = (v: ArrayBuffer | Uint8Array) => Buffer.from(v instanceof Uint8Array ? v : new Uint8Array(v));

/** Checks a TimeStampResp against the request and returns the token's DER. Throws TsaError. */
export function tokenFromResponse(response: Uint8Array, digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(response);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) throw new TsaError('the TSA answer is not DER');
  const resp = new pkijs.TimeStampResp({ schema: parsed.result });
  const status = resp.status.status;
  if (status !== 0 && status !== 1) throw new TsaError(`the TSA refused: status ${status}`);
  const raw = parsed.result.valueBlock.value[1];
  if (!raw || !resp.timeStampToken) throw new TsaError('the TSA answer has no token');
  const signed = new pkijs.SignedData({ schema: resp.timeStampToken.content });
  const content = signed.encapContentInfo.eContent?.getValue();
  if (!content) throw new TsaError('the token has no TSTInfo');
  const info = pkijs.TSTInfo.fromBER(content);
  if (info.messageImprint.hashAlgorithm.algorithmId !== CMS_OID.sha256) throw new TsaError('the token imprints another hash algorithm');
  if (!buf(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(buf(digest))) throw new TsaError('the token vouches for another hash');
  const got = info.nonce ? buf(info.nonce.valueBlock.valueHexView) : null;
  if (!got || BigInt('0x' + got.toString('hex')) !== BigInt('0x' + buf(nonce).toString('hex'))) throw new TsaError('the token answers another request (nonce)');
  return new Uint8Array(raw.valueBeforeDecodeView);
}

/** Asks `url` for a time-stamp token over `digest` (SHA-256). */
export async function requestTimeStamp(url: string, digest: Uint8Array, timeoutMs = 15_000): Promise<Uint8Array> {
  const nonce = randomBytes(8);
  nonce[0]! &= 0x7f;
  let answer: Response;
  try {
    answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: Buffer.from(timeStampRequest(digest, nonce)),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new TsaError(`${url}: ${(e as Error).message}`);
  }
  if (!answer.ok) throw new TsaError(`${url} answered ${answer.status}`);
  return tokenFromResponse(new Uint8Array(await answer.arrayBuffer()), digest, nonce);
}
