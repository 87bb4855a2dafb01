/**
 * One operation with a token's private key: open a session, log in (per operation: the PIN is never cached),
 * find the key by the certificate's CKA_ID, sign with the profile's preferred mechanism the token supports, log
 * out. Failures become stable token errors; "did the key just get pulled out?" is answered by looking for the
 * token again rather than trusting the CKR code, which differs from one vendor library to the next.
 */
import { PdfSignError } from './pdf/pdf-sign-error';
import type { PinState } from '@shared/contract/token';
import type { Discovered } from './discovery';
import { pinState } from './discovery';
import type { ModuleRegistry } from './modules';
import { CKR, ckrName, ckrOf, classifyCkr } from './pkcs11/errors';
import { asTokenError, TokenError } from './token-error';
import { pkcs11js, type Handle } from './pkcs11/module';
import type { MechanismChoice, ProfileSet } from './profiles';
import type { RawSigner } from './formats/raw-signer';
import { ecdsaDerToRaw } from './formats/ecdsa';

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2 note 1), for CKM_RSA_PKCS. */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export interface KeySessionContext {
  registry: ModuleRegistry;
  profiles: ProfileSet;
  log: (message: string, fields?: Record<string, unknown>) => void;
  /** Told which library is about to run: if it hangs or crashes, the client knows which driver it was. */
  enter?: (modulePath: string) => void;
}

export async function withKey<T>(
  ctx: KeySessionContext,
  target: Discovered,
  pin: string | undefined,
  use: (signer: RawSigner) => Promise<T>,
): Promise<T> {
  const { loaded, slot, ckaId, info } = target.location;
  const { module } = loaded;
  const state = target.certificate.pin;
  const keyType = info.keyType;
  if (keyType !== 'RSA' && keyType !== 'EC' && keyType !== 'SM2') {
    throw new TokenError('UNSUPPORTED_KEY', `key type ${keyType}`);
  }
  if (state.locked) throw new TokenError('PIN_LOCKED', 'token flags say the user PIN is locked');
  if (!state.pinPad) checkPinFormat(pin, state.minLength, state.maxLength);

  let session: Handle | null = null;
  let loggedIn = false;
  let step = 'C_OpenSession';
  ctx.enter?.(loaded.candidate.path);
  try {
    session = module.openSession(slot);
    step = 'C_Login';
    try {
      module.login(session, state.pinPad ? null : (pin ?? ''));
      loggedIn = true;
    } catch (e) {
      if (ckrOf(e) !== CKR.USER_ALREADY_LOGGED_IN) throw e;
    }
    step = 'C_FindObjects(private key)';
    const [key] = module.findObjects(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: ckaId },
    ]);
    if (!key) throw new TokenError('CERT_NOT_FOUND', 'no private key with the certificate’s CKA_ID');
    step = 'C_GetMechanismList';
    const choice = chooseMechanism(ctx, target, session);
    const openSession = session;
    const signer: RawSigner = {
      keyType,
      async sign({ message, digest }) {
        step = `C_Sign(${choice.name})`;
        const input =
          choice.input === 'message'
            ? Buffer.from(message)
            : choice.input === 'digest-info'
              ? Buffer.concat([SHA256_DIGEST_INFO_PREFIX, Buffer.from(digest)])
              : Buffer.from(digest);
        const signature = new Uint8Array(module.sign(openSession, choice.mechanism, key, input));
        // Some vendor mechanisms (the *_DER ones) answer SEQUENCE { r, s }; the formats take r||s.
        return choice.output === 'der' && keyType !== 'RSA' ? ecdsaDerToRaw(signature, info.keyBits) : signature;
      },
    };
    return await use(signer);
  } catch (e) {
    // PDF signing's own failures (a TSA that does not answer) are not the key's: they keep their code.
    if (e instanceof PdfSignError) throw e;
    throw explain(ctx, target, e, step);
  } finally {
    if (session) {
      if (loggedIn) tryQuietly(() => module.logout(session!));
      tryQuietly(() => module.closeSession(session!));
    }
  }
}

function checkPinFormat(pin: string | undefined, min: number, max: number): void {
  // Refuse before C_Login: a PIN the token cannot accept would only cost the user a try.
  const length = pin === undefined ? 0 : Buffer.byteLength(pin, 'utf8');
  const lower = Math.max(1, min || 1);
  const upper = max > 0 && max < 256 ? max : 64;
  if (pin === undefined || length < lower || length > upper || /[\r\n\0]/.test(pin)) {
    throw new TokenError('PIN_FORMAT', `PIN length ${length} outside ${lower}..${upper}`, { minLength: lower, maxLength: upper });
  }
}

function chooseMechanism(ctx: KeySessionContext, target: Discovered, _session: Handle): MechanismChoice {
  const profile = ctx.profiles.profiles.find((p) => p.id === target.certificate.profile) ?? ctx.profiles.profileForIssuer('');
  const keyType = target.location.info.keyType as 'RSA' | 'EC' | 'SM2';
  const wanted = profile.mechanisms[keyType];
  let supported: Set<number> | null = null;
  try {
    supported = new Set(target.location.loaded.module.mechanisms(target.location.slot));
  } catch {
    supported = null; // a token that will not list mechanisms: try the profile's first choice
  }
  const choice = wanted.find((m) => supported === null || supported.has(m.mechanism));
  if (!choice) {
    throw new TokenError('UNSUPPORTED_KEY', `token supports none of ${wanted.map((m) => m.name).join(', ')} for ${keyType}`);
  }
  return choice;
}

/** Turns whatever failed into the error the user should see, and logs the raw cause. */
function explain(ctx: KeySessionContext, target: Discovered, error: unknown, step: string): TokenError {
  const known = asTokenError(error);
  if (known) return known;
  const { certificate } = target;
  ctx.log('token operation failed', { step, ckr: ckrName(error), token: certificate.tokenLabel, fingerprint: certificate.fingerprint.slice(0, 16) });
  const code = classifyCkr(error);
  if (code === 'PIN_INCORRECT' || code === 'PIN_LOCKED') return pinError(target, code, error);
  if (code !== null && code !== 'TOKEN_REMOVED') return new TokenError(code, `${step}: ${ckrName(error)}`);
  if (!tokenStillPresent(ctx.registry, target)) return new TokenError('TOKEN_REMOVED', `${step}: ${ckrName(error)}`);
  return new TokenError(code ?? 'TOKEN_ERROR', `${step}: ${ckrName(error)}`);
}

function pinError(target: Discovered, code: 'PIN_INCORRECT' | 'PIN_LOCKED', error: unknown): TokenError {
  let state = target.certificate.pin;
  try {
    state = pinState(target.location.loaded.module.tokenInfo(target.location.slot));
  } catch {
    /* keep what discovery saw */
  }
  if (code === 'PIN_LOCKED' || state.locked) return new TokenError('PIN_LOCKED', ckrName(error));
  return new TokenError('PIN_INCORRECT', ckrName(error), wrongPinDetails(state));
}

/**
 * What a wrong PIN's error says of the key, from its token flags after the try, and nothing more (issue 21 item 8):
 * CKF_USER_PIN_FINAL_TRY is one try left; CKF_USER_PIN_COUNT_LOW only that a PIN was wrong since the last success
 * (PKCS#11 2.40 §5.4.6: SoftHSM sets it after any wrong PIN), never a count. No flag: a plain wrong PIN.
 */
export function wrongPinDetails(state: PinState): Record<string, boolean | number> {
  const details: Record<string, boolean | number> = { countLow: state.countLow, finalTry: state.finalTry };
  if (state.finalTry) details.triesLeft = 1;
  return details;
}

export function tokenStillPresent(registry: ModuleRegistry, target: Discovered): boolean {
  const { loaded } = target.location;
  try {
    registry.refresh(loaded);
    return loaded.module.slots(true).some((slot) => {
      try {
        const token = loaded.module.tokenInfo(slot);
        return token.serial === target.certificate.tokenSerial && token.label === target.certificate.tokenLabel;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

function tryQuietly(fn: () => void): void {
  try {
    fn();
  } catch {
    /* best effort on the way out */
  }
}
