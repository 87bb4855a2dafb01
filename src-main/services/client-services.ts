/**
 * The implementation of `window.tongban` (src-shared/contract/client-api.ts), shared by the Electron main
 * process (IPC) and the browser-mode host (WebSocket RPC). Every input is validated against the contract's schema
 * before a service sees it; every answer is a Result. PINs and passwords pass through to the token service or the
 * server and are never logged or stored.
 */
import {
  methodSchema,
  type ClientEvents,
  type ClientMethodName,
  type ClientResults,
  type RegistrationForm,
  type SessionInfo,
  type Settings,
} from '@shared/contract/client-api';
import { captchaRoute, caChallengeRoute, caLoginRoute, changePasswordRoute, loginRoute, logoutRoute } from '@shared/contract/http/auth';
import { elicenceStartRoute, elicenceStateRoute } from '@shared/contract/http/elicence';
import { getEnterpriseRoute } from '@shared/contract/http/enterprise';
import { registrationConfirmRoute, registrationResendRoute } from '@shared/contract/http/registration';
import { caRenewalConfirmRoute } from '@shared/contract/http/renewal';
import { inputInvalid, type AppError, type Result } from '@shared/contract/result';
import { authOrigin } from '@shared/contract/signing';
import { SESSION_GONE_CODES } from '@shared/errors/server';
import { appInfo } from '../app-info';
import type { TokenClient } from '../token/token-client';
import type { DesktopLog } from './desktop-log';
import type { LocalStore } from './local-store';
import { PortalClient } from './portal-client';
import { accountHandlers } from './account-services';
import { keyHandlers, rememberKeyUsed } from './key-services';
import { disbursementHandlers } from './disbursement-services';
import { legacyHandlers } from './legacy-services';
import { beijingHandlers } from './beijing-services';
import { Outbox } from './outbox';
import { recoveryHandlers } from './recovery-services';
import { settingsHandlers } from './settings-services';
import { PORTAL_SERVERS, portalHandlers } from './portal-services';
import { portalHasFlow, type PortalId } from '@shared/portals/catalogue';
import { machineTrustFor, type MachineTrust } from '../trust/machine-trust';
import { withPolicyDrivers, type ManagedPolicy } from '../trust/managed-policy';
import type { UpdateStatus } from '@shared/contract/delivery';
import type { SeedSettings } from './seed-settings';
import { preRegistrationHandlers } from './pre-registration-services';
import { accountRequestHandlers } from './account-request-services';
import type { RegistrationWay } from './registration-forms';
import { registrationSubmission, submitRegistration, type RegistrationSubmitInput } from './registration-submit';
import { subsidyHandlers, subsidySubmission } from './subsidy-services';
import { filingHandlers, filingSubmission } from './filing-services';
import { loadFormFont } from './form-font';
import { uploadHandlers, UploadQueue, type UploadServicesContext } from './upload-services';

type Output<N extends ClientMethodName> = N extends `${infer F extends keyof ClientResults}.${infer M}`
  ? M extends keyof ClientResults[F]
    ? ClientResults[F][M]
    : never
  : never;

export interface ClientServicesOptions {
  shell: 'electron' | 'browser';
  store: LocalStore;
  tokens: TokenClient;
  /** Server URL when neither the clerk nor IT has set one (the local dev server). */
  defaultServerUrl: string;
  /** IT's install-time settings (seed-settings.ts); what the clerk saves overrides them. */
  seed?: SeedSettings;
  /** Group policy (trust/managed-policy.ts): wins over the clerk and the seed. */
  policy?: ManagedPolicy;
  /** How this installation is updated, now (update/); `none` when not given. */
  updateStatus?: () => UpdateStatus;
  /** The portal when neither the clerk nor IT chose one (development: TONGBAN_PORTAL); unset, the first start asks. */
  defaultPortal?: PortalId;
  /** Renders the printable registration forms (PDF bytes); injected so tests can run without the font. */
  printRegistrationForms: (form: ClientFormInput, way?: RegistrationWay) => Promise<Uint8Array>;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Backoff of the outbox's automatic sends (tests shorten it). */
  outboxRetryMs?: { first: number; max: number };
  /** The desktop log file: one line per call (method, outcome code, duration, request id; never the input). */
  journal?: Pick<DesktopLog, 'write' | 'tail'>;
  /** Upload retry timing (tests shorten it); see upload-services.ts. */
  uploads?: Pick<UploadServicesContext, 'retryDelays' | 'resumeAfterMs'>;
  /** What only administrators control (drivers, machine settings); this platform's when not given. */
  trust?: MachineTrust;
  /** Electron's native file dialog for settings.addDriver; browser mode has none (the host's configuration). */
  pickDriver?: () => Promise<string | null>;
}

export type ClientFormInput = RegistrationForm;

/** The local-store setting with the last password sign-in's enterprise and username (`rememberedSignIn.*`). */
const REMEMBERED_SIGN_IN = 'rememberedSignIn';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: string, retriable = false, details?: AppError['details']): Result<never> => ({
  ok: false,
  error: details ? { code, retriable, details } : { code, retriable },
});

export class ClientServices {
  private portal: PortalClient;
  private session: SessionInfo | null = null;
  /** E-licence login id → its poll secret, held in main only (a few at most: each lives two minutes). */
  private readonly elicenceSecrets = new Map<string, string>();
  private readonly listeners = new Set<(event: keyof ClientEvents, payload: unknown) => void>();
  /** Every signed submission, of every flow, goes through it: declare the flow's kind in `kinds`. */
  private readonly outbox: Outbox;

  private readonly forwardTokens = (certs: ClientEvents['tokens.changed']) => this.emit('tokens.changed', certs);

  constructor(private readonly opts: ClientServicesOptions) {
    this.portal = this.portalFor(this.settings().serverUrl);
    opts.store.draftScope = this.settings().portal ?? 'sip';
    opts.tokens.on('tokens-changed', this.forwardTokens);
    this.outbox = new Outbox({
      store: opts.store,
      kinds: [registrationSubmission, subsidySubmission, filingSubmission],
      portal: () => this.portal,
      portalHas: (flow) => portalHasFlow(this.settings().portal ?? 'sip', flow),
      enterpriseId: () => this.session?.enterpriseId ?? null,
      changed: (entries) => this.emit('outbox.changed', { entries }),
      ...(opts.outboxRetryMs ? { retryMs: opts.outboxRetryMs } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });
    this.outbox.start();
    // Registration scans cut by a quit go on now; the others once a session exists (startSession).
    this.uploads.resumePending();
  }

  private uploadQueue: UploadQueue | null = null;
  private get uploads(): UploadQueue {
    return (this.uploadQueue ??= new UploadQueue({
      portal: () => this.portal,
      serverUrl: () => this.settings().serverUrl,
      signedIn: () => this.session !== null,
      store: this.opts.store,
      emit: (event, payload) => this.emit(event, payload),
      ...this.opts.uploads,
    }));
  }

  /** Stops what runs in the background (uploads); the app is quitting. */
  async close(): Promise<void> {
    await this.uploadQueue?.close();
  }

  /**
   * Stops following the token service, which may outlive these services (tests share one per worker), and the
   * outbox's timer (its entries stay in the store for the next start).
   */
  detach(): void {
    this.opts.tokens.off('tokens-changed', this.forwardTokens);
    this.outbox.stop();
  }

  /** A server that answers may take what the outbox holds. */
  private portalFor(serverUrl: string): PortalClient {
    return new PortalClient(serverUrl, { onAnswer: () => this.outbox?.kick() });
  }

  /** Events for the transport to forward to the renderer. */
  subscribe(listener: (event: keyof ClientEvents, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends keyof ClientEvents>(event: E, payload: ClientEvents[E]): void {
    for (const l of this.listeners) l(event, payload);
  }

  /** Validates and runs one call. Unknown methods and invalid inputs are refused before any service runs. */
  async dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    const schema = methodSchema(method);
    if (!schema) return fail('INPUT_INVALID', false, { reason: 'unknown method' });
    const parsed = schema.safeParse(input ?? {});
    if (!parsed.success) {
      this.opts.journal?.write('warn', 'call', { method, outcome: 'INPUT_INVALID' });
      // Every broken rule by its contract path and stable code (BANK_ACCOUNT_NUMBER_INVALID, TOO_LONG…), for the form.
      return inputInvalid(parsed.error, input ?? {});
    }
    const handler = (this.handlers as Record<string, (i: unknown) => Promise<Result<unknown>>>)[method];
    const started = performance.now();
    try {
      const result = await handler!(parsed.data);
      const ms = Math.round(performance.now() - started);
      if (result.ok) this.opts.journal?.write('info', 'call', { method, outcome: 'OK', ms });
      if (result.ok) rememberKeyUsed(this.opts.store, parsed.data);
      else this.opts.journal?.write('warn', 'call', { method, outcome: result.error.code, ms, ...(result.error.requestId ? { requestId: result.error.requestId } : {}) });
      if (!result.ok && (SESSION_GONE_CODES as readonly string[]).includes(result.error.code)) this.sessionGone(result.error.code);
      return result;
    } catch (e) {
      this.opts.log?.('client service failed', { method, error: (e as Error)?.message });
      this.opts.journal?.write('error', 'call', { method, outcome: 'CLIENT_ERROR', ms: Math.round(performance.now() - started), error: e });
      return fail('CLIENT_ERROR');
    }
  }

  /**
   * The server no longer knows the session: forget it here too (no stale token sent again) and tell the renderer,
   * once — later calls answer NOT_SIGNED_IN without another event.
   */
  private sessionGone(code: string): void {
    if (!this.session) return;
    this.portal.setSession(null);
    this.session = null;
    this.opts.journal?.write('warn', 'session expired', { code });
    this.emit('session.expired', { code });
  }

  private settings(): Settings {
    const s = this.opts.store;
    const seed = this.opts.seed ?? {};
    const policy = this.opts.policy;
    // A server locked by policy without a URL of its own stays what IT seeded at install, not what the clerk saved.
    const ownServer = policy?.serverLocked ? undefined : s.getSetting<string>('serverUrl');
    return {
      serverUrl: policy?.settings.serverUrl ?? ownServer ?? seed.serverUrl ?? this.opts.defaultServerUrl,
      language: policy?.settings.language ?? s.getSetting<Settings['language']>('language') ?? seed.language ?? 'zh-CN',
      pkcs11Modules: withPolicyDrivers(policy?.drivers ?? [], s.getSetting<string[]>('pkcs11Modules') ?? seed.pkcs11Modules ?? []),
      tsaUrl: s.getSetting<string>('tsaUrl') ?? seed.tsaUrl ?? '',
      // The policy's portal wins; an install from before portals had a server and it was SIP's: only a PC with
      // nothing set is asked.
      portal:
        policy?.portal ??
        s.getSetting<PortalId>('portal') ??
        seed.portal ??
        this.opts.defaultPortal ??
        (ownServer !== undefined || seed.serverUrl !== undefined || policy?.settings.serverUrl !== undefined ? 'sip' : null),
    };
  }

  /** Another portal or server: the session ends (on the server too, best effort), and that portal's drafts show. */
  private async portalSwitched(): Promise<void> {
    if (this.portal.signedIn) await this.portal.call(logoutRoute);
    this.portal = this.portalFor(this.settings().serverUrl);
    this.session = null;
    this.opts.store.draftScope = this.settings().portal ?? 'sip';
    // What waits for this portal's server (a SIP registration held while the PC worked with Beijing) goes now.
    this.outbox.kick();
  }

  private async startSession(token: string, account: { id?: string; enterpriseId: string; username: string; role: SessionInfo['role']; permissions: string[] }, meta: { expiresAt: string; mustChangePassword: boolean }, via: SessionInfo['via']): Promise<Result<SessionInfo>> {
    this.portal.setSession(token);
    const enterprise = await this.portal.call(getEnterpriseRoute, { params: { enterpriseId: account.enterpriseId } });
    // Read even before the forced password change, so its header names the company; should it fail, show what we know.
    const name = enterprise.ok ? enterprise.value.name : '';
    const uscc = enterprise.ok ? enterprise.value.uscc : '';
    this.session = { enterpriseId: account.enterpriseId, ...(account.id ? { accountId: account.id } : {}), enterpriseName: name, uscc, username: account.username, role: account.role, permissions: account.permissions, mustChangePassword: meta.mustChangePassword, expiresAt: meta.expiresAt, via };
    this.outbox.kick();
    this.uploads.resumePending();
    return ok(this.session);
  }

  private readonly handlers: { [N in ClientMethodName]: (input: never) => Promise<Result<Output<N>>> } & Record<string, unknown> = {
    'app.info': async () => ok(appInfo(this.opts.shell)),
    'app.logTail': async (i: { lines?: number }) => ok({ lines: this.opts.journal?.tail(i.lines ?? 200) ?? [] }),

    ...settingsHandlers({
      settings: () => this.settings(),
      store: () => this.opts.store,
      tokens: () => this.opts.tokens,
      trust: () => (this.opts.trust ??= machineTrustFor()),
      pickDriver: () => this.opts.pickDriver,
      serverChanged: () => {
        this.portal = this.portalFor(this.settings().serverUrl);
        this.session = null;
        // The URL typed in Settings is the current portal's from now on (portals.known, a later switch back).
        const { portal, serverUrl } = this.settings();
        const saved = this.opts.store.getSetting<Record<string, string>>(PORTAL_SERVERS) ?? {};
        if (portal) this.opts.store.setSetting(PORTAL_SERVERS, { ...saved, [portal]: serverUrl });
      },
      portal: () => this.portal,
      log: (message, fields) => this.opts.log?.(message, fields),
      managed: () => ({
        managed: this.opts.policy?.managed ?? [],
        managedDrivers: this.opts.policy?.drivers ?? [],
        ...((this.opts.policy?.portal ?? this.opts.seed?.portal) ? { portal: this.opts.policy?.portal ?? this.opts.seed?.portal } : {}),
        update: this.opts.updateStatus?.() ?? { mode: 'none' },
      }),
    }),

    ...portalHandlers({
      settings: () => this.settings(),
      store: () => this.opts.store,
      seed: () => this.opts.seed ?? {},
      clientFor: (serverUrl) => new PortalClient(serverUrl),
      portal: () => this.portal,
      switched: () => this.portalSwitched(),
      managedByPolicy: () => this.opts.policy?.portal !== undefined || this.opts.policy?.serverLocked === true,
    }),

    'tokens.list': async () => this.opts.tokens.call('list', {}),
    'tokens.diagnose': async () => this.opts.tokens.call('diagnose', {}),
    'tokens.cancel': async () => {
      this.opts.tokens.cancel();
      return ok({ cancelled: true });
    },

    'auth.captcha': async () => this.portal.call(captchaRoute, { anonymous: true }),
    'auth.login': async (i: { enterprise: string; username: string; password: string; captchaId: string; captchaAnswer: string }) => {
      const r = await this.portal.call(loginRoute, {
        anonymous: true,
        body: { enterprise: i.enterprise, username: i.username, password: i.password, captcha: { captchaId: i.captchaId, answer: i.captchaAnswer } },
      });
      if (!r.ok) return r;
      // The login form offers them next time (issue 21 item 15); the password is never kept.
      this.opts.store.setSetting(REMEMBERED_SIGN_IN, { enterprise: i.enterprise.trim(), username: i.username.trim() });
      return this.startSession(r.value.token, r.value.account, r.value, 'password');
    },
    'auth.loginWithKey': async (i: { fingerprint: string; pin?: string; account?: { username: string; password?: string } }) => {
      const challenge = await this.portal.call(caChallengeRoute, { anonymous: true });
      if (!challenge.ok) return challenge;
      // The origin is the server this client is configured to talk to, not what the server claims: a relaying
      // phishing server cannot get a token for the real portal's origin.
      const origin = authOrigin(this.settings().serverUrl);
      const token = await this.opts.tokens.call('authenticate', { cert: i.fingerprint, origin, nonce: challenge.value.nonce, ...(i.pin !== undefined ? { pin: i.pin } : {}) });
      if (!token.ok) return token;
      const r = await this.portal.call(caLoginRoute, { anonymous: true, body: { nonce: challenge.value.nonce, token: token.value, ...(i.account ? { account: i.account } : {}) } });
      if (!r.ok) return r;
      return this.startSession(r.value.token, r.value.account, r.value, 'ca-key');
    },
    'auth.confirmRenewal': async (i: { confirmationId: string; code: string }) => {
      const r = await this.portal.call(caRenewalConfirmRoute, { anonymous: true, params: { confirmationId: i.confirmationId }, body: { code: i.code } });
      if (!r.ok) return r;
      return this.startSession(r.value.token, r.value.account, r.value, 'ca-key');
    },
    'auth.changePassword': async (i: { currentPassword: string; newPassword: string }) => {
      if (!this.session) return fail('NOT_SIGNED_IN');
      const r = await this.portal.call(changePasswordRoute, { body: i });
      if (!r.ok) return r;
      return this.startSession(r.value.token, r.value.account, r.value, this.session.via);
    },
    'auth.logout': async () => {
      if (this.portal.signedIn) await this.portal.call(logoutRoute);
      this.portal.setSession(null);
      this.session = null;
      return ok({ loggedOut: true as const });
    },
    'auth.session': async () => ok(this.session),
    // E-licence QR login (issue 14): the poll secret never leaves main, like the session token.
    'auth.elicenceStart': async () => {
      const r = await this.portal.call(elicenceStartRoute, { anonymous: true });
      if (!r.ok) return r;
      this.elicenceSecrets.set(r.value.loginId, r.value.secret);
      return ok({ loginId: r.value.loginId, qrUrl: r.value.qrUrl, expiresAt: r.value.expiresAt });
    },
    'auth.elicenceState': async (i: { loginId: string }) => {
      const secret = this.elicenceSecrets.get(i.loginId);
      if (!secret) return fail('ELICENCE_LOGIN_UNKNOWN');
      const r = await this.portal.call(elicenceStateRoute, { anonymous: true, params: { loginId: i.loginId }, body: { secret } });
      if (!r.ok) return r;
      const { session, ...state } = r.value;
      if (state.state !== 'created' && state.state !== 'scanned' && state.state !== 'confirmed') this.elicenceSecrets.delete(i.loginId);
      if (!session) return ok(state);
      const started = await this.startSession(session.token, session.account, session, 'e-licence');
      return started.ok ? ok({ ...state, session: started.value }) : started;
    },

    'registration.printForms': async (i: { form: ClientFormInput }) => {
      const pdf = await this.opts.printRegistrationForms(i.form);
      return ok({ pdf: Buffer.from(pdf).toString('base64'), fileName: `通办-企业注册表单-${i.form.enterprise.uscc || 'draft'}.pdf` });
    },
    'registration.submit': async (i: RegistrationSubmitInput) => submitRegistration(this.outbox, this.opts.tokens, i, this.uploads.currentRegistrationToken() ?? ''),
    'registration.resendCode': async (i: { registrationId: string }) => this.portal.call(registrationResendRoute, { anonymous: true, params: { registrationId: i.registrationId } }),
    'registration.confirm': async (i: { registrationId: string; code: string }) => {
      const r = await this.portal.call(registrationConfirmRoute, { anonymous: true, params: { registrationId: i.registrationId }, body: { code: i.code } });
      if (r.ok) this.uploads.endRegistrationAttempt();
      return r;
    },

    ...preRegistrationHandlers({
      portal: () => this.portal,
      store: () => this.opts.store,
      uploadToken: () => this.uploads.currentRegistrationToken(),
      endUploadAttempt: () => this.uploads.endRegistrationAttempt(),
      print: (form, way) => this.opts.printRegistrationForms(form, way),
    }),

    ...accountRequestHandlers({
      portal: () => this.portal,
      store: () => this.opts.store,
      signedIn: () => this.session !== null,
      uploadToken: () => this.uploads.currentRegistrationToken(),
      endUploadAttempt: () => this.uploads.endRegistrationAttempt(),
    }),

    ...subsidyHandlers({
      portal: () => this.portal,
      enterpriseId: () => this.session?.enterpriseId ?? null,
      tokens: () => this.opts.tokens,
      outbox: () => this.outbox,
      emit: (event, payload) => this.emit(event, payload),
    }),

    ...filingHandlers({
      portal: () => this.portal,
      enterpriseId: () => this.session?.enterpriseId ?? null,
      tokens: () => this.opts.tokens,
      store: () => this.opts.store,
      outbox: () => this.outbox,
      uploads: () => this.uploads,
      font: loadFormFont,
      tsaUrl: () => this.settings().tsaUrl,
    }),

    ...disbursementHandlers({
      portal: () => this.portal,
      enterpriseId: () => this.session?.enterpriseId ?? null,
      emit: (event, payload) => this.emit(event, payload),
    }),

    ...accountHandlers({
      portal: () => this.portal,
      enterpriseId: () => this.session?.enterpriseId ?? null,
      tokens: () => this.opts.tokens,
      origin: () => authOrigin(this.settings().serverUrl),
    }),

    ...keyHandlers({
      portal: () => this.portal,
      tokens: () => this.opts.tokens,
      store: () => this.opts.store,
      origin: () => authOrigin(this.settings().serverUrl),
    }),

    ...recoveryHandlers({
      portal: () => this.portal,
      signedIn: () => this.session !== null,
      startSession: (answer) => this.startSession(answer.token, answer.account, answer, 'password'),
    }),

    ...legacyHandlers({
      portal: () => this.portal,
      legacySession: (token) => {
        this.session = null;
        this.portal.setSession(token);
      },
      enterpriseId: () => this.session?.enterpriseId ?? null,
    }),

    // beijing (issue 16): the platform session replaces any other, as the legacy one does.
    ...beijingHandlers({
      portal: () => this.portal,
      platformSession: (token) => {
        this.session = null;
        this.portal.setSession(token);
      },
      uploadToken: () => this.uploads.currentRegistrationToken(),
    }),

    'outbox.list': async () => ok({ entries: this.outbox.list() }),

    ...uploadHandlers(() => this.uploads),

    'rememberedSignIn.get': async () => ok(this.opts.store.getSetting<{ enterprise: string; username: string } | null>(REMEMBERED_SIGN_IN) ?? null),
    'rememberedSignIn.forget': async () => {
      const had = Boolean(this.opts.store.getSetting(REMEMBERED_SIGN_IN));
      this.opts.store.setSetting(REMEMBERED_SIGN_IN, null);
      return ok({ forgotten: had });
    },
    'drafts.load': async (i: { key: string }) => ok(this.opts.store.loadDraft(i.key)),
    'drafts.save': async (i: { key: string; data: unknown }) => {
      try {
        return ok(this.opts.store.saveDraft(i.key, i.data));
      } catch (e) {
        return e instanceof RangeError ? fail('DRAFT_TOO_LARGE') : fail('CLIENT_ERROR');
      }
    },
    'drafts.discard': async (i: { key: string }) => ok({ discarded: this.opts.store.discardDraft(i.key) }),
  };
}
