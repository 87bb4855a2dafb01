/**
 * The token service: owns every PKCS#11 module, serialises calls (one operation at a time: vendor libraries
 * are rarely thread-safe and a login on one session affects the token), and answers the typed requests of
 * src-shared/contract/token.ts. It runs in its own process (service-process.ts); tests can also drive it directly.
 */
import { isValidUscc } from '@shared/validation/uscc';
import type { AppError, Result } from '@shared/contract/result';
import type { DiagnosticReport, TokenCertificate, TokenMethod, TokenRequest, TokenResponses } from '@shared/contract/token';
import { tokenRequestSchemas } from '@shared/contract/token';
import { Discovery, pinState, type Discovered } from './discovery';
import { createDetachedCms } from './formats/cms';
import { padesErrors } from '@shared/errors/pades';
import { loadFormFont } from '../services/form-font';
import { issuersOnToken } from './issuers';
import { PdfSignError } from './pdf/pdf-sign-error';
import { createWebEidAuthToken, webEidNonce, webEidOrigin } from './formats/web-eid';
import { withKey, type KeySessionContext } from './key-session';
import { ModuleRegistry, moduleCandidates, noModuleError, type ModuleLoader } from './modules';
import { asTokenError, TokenError } from './token-error';
import { loadPkcs11Module } from './pkcs11/module';
import { loadProfiles, type ProfileSet } from './profiles';

/**
 * PDF signing's libraries (@libpdf/core, pdf-lib, fontkit: 2–3 s to load on a busy two-core machine) are loaded on
 * the first PDF to sign, not at every start of the service: a clerk who only logs in, each CLI call and each test
 * world would otherwise wait for them. The bundles are built with code splitting so this stays a separate chunk.
 */
const loadPdfSigning = () => import('./pdf/sign-pdf');

export interface TokenServiceOptions {
  profilesDir?: string;
  settingsModules?: string[];
  env?: NodeJS.ProcessEnv;
  /** Substitutable PKCS#11 layer (tests wrap the real one to produce lock states SoftHSM cannot). */
  loadModule?: ModuleLoader;
  appVersion?: string;
  now?: () => Date;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Settings' RFC 3161 time-stamp authority for PDF signatures (B-T); a request's own tsaUrl wins. */
  tsaUrl?: string;
}

export class TokenService {
  private readonly profiles: ProfileSet;
  private readonly registry: ModuleRegistry;
  private readonly discovery: Discovery;
  private readonly ctx: KeySessionContext;
  private queue: Promise<unknown> = Promise.resolve();
  /** The previous discovery: a selector that matched one of these and matches nothing now means the key was
   *  pulled out, which the user should hear as TOKEN_REMOVED, not "not found". */
  private found: Discovered[] = [];
  private readonly appVersion: string;
  private readonly now: () => Date;
  /** The running request's listener for "about to call this library" (see `handle`). */
  private entering: ((modulePath: string) => void) | null = null;
  private readonly enter = (modulePath: string) => this.entering?.(modulePath);
  private readonly tsaUrl: string | undefined;

  constructor(opts: TokenServiceOptions = {}) {
    this.profiles = loadProfiles(opts.profilesDir);
    const candidates = moduleCandidates({ profiles: this.profiles, settingsModules: opts.settingsModules, env: opts.env });
    this.registry = new ModuleRegistry(candidates, this.profiles, opts.loadModule ?? loadPkcs11Module);
    this.now = opts.now ?? (() => new Date());
    this.discovery = new Discovery(this.registry, this.profiles, this.now, this.enter);
    this.ctx = { registry: this.registry, profiles: this.profiles, log: opts.log ?? (() => {}), enter: this.enter };
    this.appVersion = opts.appVersion ?? 'dev';
    this.tsaUrl = opts.tsaUrl;
  }

  /**
   * Validates the request, runs it after every earlier one, and returns a Result: nothing throws across.
   * `entering` hears which PKCS#11 library the request is about to call, before it is called.
   */
  handle<M extends TokenMethod>(method: M, params: unknown, entering?: (modulePath: string) => void): Promise<Result<TokenResponses[M]>> {
    const run = async (): Promise<Result<TokenResponses[M]>> => {
      const schema = tokenRequestSchemas[method];
      if (!schema) return { ok: false, error: { code: 'BAD_REQUEST', retriable: false } };
      const parsed = schema.safeParse(params);
      if (!parsed.success) return { ok: false, error: { code: 'BAD_REQUEST', retriable: false } };
      this.entering = entering ?? null;
      try {
        await this.registry.loadAll(this.enter);
        const value = await (this.operations[method] as (p: unknown) => Promise<TokenResponses[M]>)(parsed.data);
        return { ok: true, value };
      } catch (e) {
        return { ok: false, error: toAppError(e, this.ctx.log) };
      } finally {
        this.entering = null;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Certificates now, for hot-plug polling (runs in the same queue as everything else). */
  snapshot(): Promise<Result<TokenCertificate[]>> {
    return this.handle('list', {});
  }

  close(): void {
    this.registry.close();
  }

  private readonly operations: { [M in TokenMethod]: (params: TokenRequest<M>) => Promise<TokenResponses[M]> } = {
    list: async () => this.discover().map((d) => d.certificate),

    signCms: async ({ cert, content, pin, requireUscc }) => {
      const target = this.select(cert);
      this.checkUsable(target, requireUscc ?? false);
      const bytes = new Uint8Array(Buffer.from(content, 'base64'));
      const der = target.location.info.der;
      // createDetachedCms verifies the token's signature against the certificate before it returns (a wrong
      // key or garbage from the token is SIGNATURE_INVALID); the CMS around it is fixed code checked by openssl
      // in the tests, so it is not parsed again here.
      const cms = await withKey(this.ctx, target, pin, (signer) => createDetachedCms({ certificate: der, content: bytes, signer, signingTime: this.now() }));
      return { cms: Buffer.from(cms).toString('base64'), fingerprint: target.certificate.fingerprint };
    },

    authenticate: async ({ cert, origin, nonce, pin }) => {
      try {
        // Before the PIN: a malformed request must not cost the user a try.
        webEidOrigin(origin);
        webEidNonce(nonce);
      } catch (e) {
        throw asTokenError(e) ?? e;
      }
      const target = this.select(cert);
      // No USCC needed to authenticate: the server maps the certificate to an account it was bound to.
      this.checkUsable(target, false);
      const der = target.location.info.der;
      // Verified against the certificate inside createWebEidAuthToken, as every signature is.
      return withKey(this.ctx, target, pin, (signer) =>
        createWebEidAuthToken({ certificate: der, origin, nonce, signer, appVersion: `https://tongban.cn/app/${this.appVersion}` }),
      );
    },

    signPdf: async ({ cert, pin, pdf, signerName, reason, location, placement, tsaUrl }) => {
      const target = this.select(cert);
      // A PDF for the portal names the enterprise: only a certificate with its USCC may sign it.
      this.checkUsable(target, true);
      const der = target.location.info.der;
      const chain = issuersOnToken(target.location);
      const { addLongTermValidation, prepareSignature, signPrepared } = await loadPdfSigning();
      const fontBytes = await loadFormFont();
      const signingTime = this.now();
      const bytes = new Uint8Array(Buffer.from(pdf, 'base64'));
      // The PDF is read and prepared before the PIN goes to the key: a broken file must not cost a login.
      const tsa = tsaUrl ?? this.tsaUrl;
      const prepared = await prepareSignature({ pdf: bytes, signerName, reason, location, placement, signingTime, fontBytes, ...(tsa ? { tsaUrl: tsa } : {}) });
      const signedOnce = await withKey(this.ctx, target, pin, (signer) => signPrepared(prepared, { certificate: der, chain, signer }));
      // Revocation data is fetched after logout: the key is not held while the CA's responder is asked.
      const signed = signedOnce.level === 'B-T' ? await addLongTermValidation(signedOnce.pdf) : signedOnce;
      return {
        pdf: Buffer.from(signed.pdf).toString('base64'),
        level: signed.level,
        signedAt: signingTime.toISOString(),
        certificateSha256: target.certificate.fingerprint,
      };
    },

    diagnose: async () => {
      const { found, slots } = this.discovery.run({ mechanisms: true });
      this.found = found;
      const report: DiagnosticReport = {
        generatedAt: this.now().toISOString(),
        appVersion: this.appVersion,
        platform: process.platform,
        arch: process.arch,
        modules: this.registry.reports,
        slots,
        certificates: found.map((d) => d.certificate),
        errors: [
          ...this.registry.failures().map((m) => `${m.path}: ${m.error?.detail}`),
          ...slots.filter((s) => s.error).map((s) => `${s.modulePath} slot ${s.slotId}: ${s.error?.detail}`),
        ],
      };
      return report;
    },
  };

  /** By full USCC or by a prefix of the SHA-256 fingerprint; ambiguous prefixes are refused. */
  private discover(): Discovered[] {
    this.found = this.discovery.run().found;
    return this.found;
  }

  /** By full USCC or by a prefix of the SHA-256 fingerprint; ambiguous prefixes are refused. */
  private select(selector: string): Discovered {
    const wanted = selector.trim();
    const matching = (list: Discovered[]) => {
      const byUscc = isValidUscc(wanted) ? list.filter((d) => d.certificate.uscc === wanted.toUpperCase()) : [];
      const matches = byUscc.length > 0 ? byUscc : list.filter((d) => d.certificate.fingerprint.startsWith(wanted.toLowerCase()));
      // Several keys of one enterprise: prefer the ones that can sign today.
      const usable = matches.filter((d) => d.certificate.validity === 'valid');
      return usable.length > 0 ? usable : matches;
    };
    // Fast path: the key found last time still answers in its slot with the same serial. Anything else (a new
    // key, a pulled key, a re-plugged one in another port) takes a full discovery.
    const cached = matching(this.found);
    if (cached.length === 1 && this.stillThere(cached[0]!)) return cached[0]!;

    const seenBefore = cached.length > 0;
    const found = this.discover();
    const pick = matching(found);
    if (pick.length === 0 && seenBefore) throw new TokenError('TOKEN_REMOVED', 'the key was seen by the previous discovery and is gone now');
    if (found.length === 0) throw noModuleError(this.registry);
    if (pick.length === 0) throw new TokenError('CERT_NOT_FOUND', `no certificate matches ${wanted.slice(0, 18)}`);
    if (pick.length > 1) {
      throw new TokenError('BAD_REQUEST', `${pick.length} certificates match; use a longer fingerprint prefix`, {
        candidates: pick.map((d) => d.certificate.fingerprint.slice(0, 16)).join(','),
      });
    }
    return pick[0]!;
  }

  private stillThere(d: Discovered): boolean {
    try {
      const token = d.location.loaded.module.tokenInfo(d.location.slot);
      if (token.serial !== d.certificate.tokenSerial || token.label !== d.certificate.tokenLabel) return false;
      // PIN state can change between operations (a wrong PIN elsewhere): keep it current.
      d.certificate.pin = pinState(token);
      return true;
    } catch {
      return false;
    }
  }

  private checkUsable(target: Discovered, requireUscc: boolean): void {
    const { certificate } = target;
    if (certificate.validity === 'expired') throw new TokenError('CERT_EXPIRED', certificate.notAfter, { notAfter: certificate.notAfter });
    if (certificate.validity === 'not-yet-valid') throw new TokenError('CERT_NOT_YET_VALID', certificate.notBefore, { notBefore: certificate.notBefore });
    if (requireUscc && !certificate.uscc) throw new TokenError('NO_USCC', certificate.subject);
  }
}

function toAppError(e: unknown, log: KeySessionContext['log']): AppError {
  if (e instanceof PdfSignError) {
    log('pdf signing error', { code: e.code, detail: e.detail });
    return { code: e.code, retriable: padesErrors[e.code].retriable };
  }
  const known = asTokenError(e);
  if (known) {
    log('token error', { code: known.code, detail: known.detail });
    return known.toAppError();
  }
  log('unexpected token service error', { error: (e as Error)?.stack ?? String(e) });
  return { code: 'TOKEN_ERROR', retriable: false };
}
