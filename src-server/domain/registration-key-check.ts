/**
 * "该企业已注册" at step 2 of a CA registration (issue 21 item 1): the clerk learns it before printing and uploading.
 * Whether a USCC is registered is told only to whoever holds that enterprise's key — the same proof as a CA login
 * (a Web eID token over one of our one-use nonces, chain and origin checked) — so the route is no oracle for
 * enumerating enterprises. The answer changes nothing: the submit checks again (registration-checks.ts).
 */
import type { Services } from '../services';
import { ApiError } from '../http/api-error';
import type { WebEidAuthToken } from '@shared/contract/signing';
import { provenCertificate } from './ca-login';

export async function checkRegistrationKey(
  services: Services,
  input: { nonce: string; token: WebEidAuthToken },
  now: Date,
): Promise<{ uscc: string; registered: boolean }> {
  const verified = await provenCertificate(services, input, now);
  const uscc = verified.info.uscc?.value;
  if (!uscc) throw new ApiError('CERT_NO_USCC');
  const existing = await services.db.selectFrom('enterprises').select('id').where('uscc', '=', uscc).executeTakeFirst();
  return { uscc, registered: existing !== undefined };
}
