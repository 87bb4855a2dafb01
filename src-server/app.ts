/**
 * Builds the platform server: configuration, database (migrated), services, plugins and the routes of every
 * domain. `buildServer()` does not listen, so tests drive it with `inject` and `index.ts` decides the port.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { serverErrors } from '@shared/errors/server';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileStore as PartialUploadStore } from '@tus/file-store';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { RevocationChecker } from './pki/revocation';
import { assertSmsModeAllowed, loadConfig, smsSignFor, type ServerConfig } from './config';
import { migrateToLatest, openDatabase } from './db/connect';
import { systemClock, type Clock } from './domain/clock';
import { housekeepingSchedule } from './domain/housekeeping';
import { initialPasswordSender } from './domain/initial-password-outbox';
import { setPasswordHashCost } from './domain/passwords';
import { errorBody } from './http/api-error';
import { PrincipalCache } from './domain/principal-cache';
import { importRegistry } from './domain/registry';
import { bootstrapStaffAdmin } from './domain/staff';
import { subsidyRuleFromEnv } from './domain/subsidy-rule';
import { loggerOptions } from './logging';
import { droppingMailer, signedMailer, smtpMailer, type Mailer } from './notifications/mail';
import { httpSmsGateway, outboxSmsGateway, settleSmsOutbox, signedSmsGateway, type SmsGateway } from './notifications/sms';
import { loadTrustStore } from './pki/trust-store';
import { errorsPlugin } from './plugins/errors';
import { webPagesPlugin } from './plugins/web-pages';
import { accountRoleRoutes } from './routes/account-roles';
import { authRoutes } from './routes/auth';
import { enterpriseRoutes } from './routes/enterprise';
import { fileRoutes } from './routes/files';
import { serviceItemRoutes } from './routes/service-items';
import { staffRoutes } from './routes/staff';
import { staffKeyRoutes } from './routes/staff-keys';
import { isIncrementalSignatureOf, verifyPades } from './pki/pades-verify';
import { systemRoutes } from './routes/system';
import { portalRoutes } from './routes/portal';
import { registerPortalFlows } from './flows';
import { tusUploadRoutes } from './routes/tus-uploads';
import type { Services } from './services';
import { diskFileStore } from './storage/file-store';
import { SimulatedIdentityVerifier, type IdentityVerifier } from './verification/identity';
import { SimulatedLicenceServiceClient } from './elicence/licence-service';
import { SimulatedMarketRegulator, type MarketRegulator } from './verification/market-regulator';
import { strictTransportSecurity } from './http/hsts';
import { SimulatedUnifiedIdentity, type UnifiedIdentity } from './beijing/unified-identity';

export interface ServerOptions {
  /** Overrides over the environment's configuration. */
  config?: Partial<ServerConfig>;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  sms?: SmsGateway;
  mailer?: Mailer;
  /** `true` logs to stdout at the configured level; a stream captures the log (tests). */
  logger?: boolean | NodeJS.WritableStream;
  /** Pre-registration's identity service and registry match (default: the simulations, verification/). */
  identity?: IdentityVerifier;
  marketRegulator?: MarketRegulator;
  /** beijing: the unified identity platform (default: SimulatedUnifiedIdentity). */
  unifiedIdentity?: UnifiedIdentity;
  /** The built browser pages served under `/console/` (default: `dist/web` beside the server or the source tree). */
  webDir?: string;
}

/**
 * A request that did not arrive in time (or a malformed one Node refuses before Fastify sees it) gets the error
 * body every other failure has, with a stable code; then the connection closes.
 */
function requestTimeoutAnswer(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'BODY_MALFORMED';
  const status = serverErrors[code].status;
  const body = JSON.stringify(errorBody(code));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

/** The nearest `hops` addresses of X-Forwarded-For are proxies; the one before them is the caller. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

function licenceService(config: ServerConfig, clock: Clock) {
  const { url, secret } = config.elicence;
  return url && secret ? new SimulatedLicenceServiceClient(url, secret, () => clock.now()) : null;
}

export async function buildServer(opts: ServerOptions = {}): Promise<FastifyInstance> {
  const config: ServerConfig = { ...loadConfig(opts.env), ...opts.config };
  // A portal chosen in code (tests) without a signature must not send texts under the environment's portal's.
  if (opts.config?.portal && !opts.config.smsSign) config.smsSign = smsSignFor(config.portal, (opts.env ?? process.env).TONGBAN_SMS_SIGN);
  const clock = opts.clock ?? systemClock;
  const logger =
    opts.logger === undefined || opts.logger === false
      ? false
      : loggerOptions(config.logLevel, opts.logger === true ? undefined : opts.logger);

  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    // JSON bodies beyond 6 MiB (the registry CSV) are refused before parsing; uploads stream with their own limit.
    bodyLimit: 6 * 1024 * 1024,
    // Login throttling and upload limits key on the caller's address, so X-Forwarded-For is read only as far as
    // the configured proxies (by address, or a hop count), never as far as the client wants (issue 17).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    // Bounded waits for slow or unfinished requests (issue 17): the whole request within requestMs, idle sockets
    // closed after idleMs; Node checks for overdue requests every second instead of every 30.
    serverFactory: (handler) => {
      const server = http.createServer({ requestTimeout: config.timeouts.requestMs, headersTimeout: config.timeouts.requestMs, connectionsCheckingInterval: 1000 }, handler);
      server.setTimeout(config.timeouts.idleMs);
      server.keepAliveTimeout = Math.min(72_000, config.timeouts.idleMs);
      return server;
    },
    clientErrorHandler: requestTimeoutAnswer,
    // A path the router cannot decode (e.g. a lone surrogate's bytes) is refused like every other bad request: the
    // contract's error body with a stable code, not Fastify's own shape.
    frameworkErrors: (err, request, reply) => {
      request.log.info({ code: 'URL_MALFORMED', reason: err.message }, 'request refused');
      void (reply as FastifyReply).code(400).send(errorBody('URL_MALFORMED', request.id));
    },
  });

  if (!opts.sms) assertSmsModeAllowed(config);
  setPasswordHashCost(config.scryptLog2N);
  const { db, engine } = openDatabase(config);
  await migrateToLatest(db);
  const services: Services = {
    config,
    db,
    engine,
    clock,
    sms: signedSmsGateway(opts.sms ?? (config.sms.provider === 'http' ? httpSmsGateway(config.sms) : outboxSmsGateway(db, clock)), config.smsSign),
    mailer: signedMailer(
      opts.mailer ?? (config.smtpUrl ? smtpMailer({ url: config.smtpUrl, from: config.mailFrom }) : droppingMailer((m) => app.log.warn(m))),
      config.smsSign,
    ),
    files: diskFileStore(path.join(config.dataDir, 'files')),
    partialUploads: new PartialUploadStore({ directory: path.join(config.dataDir, 'uploads') }),
    trust: { ...(await loadTrustStore(config.trustDir)), revocation: new RevocationChecker({ policy: config.revocationPolicy, log: app.log }) },
    principals: new PrincipalCache(),
    identity: opts.identity ?? new SimulatedIdentityVerifier(),
    marketRegulator: opts.marketRegulator ?? new SimulatedMarketRegulator(db),
    licence: licenceService(config, clock),
    unifiedIdentity: opts.unifiedIdentity ?? new SimulatedUnifiedIdentity(),
  };
  app.decorate('services', services);
  const housekeeping = housekeepingSchedule(services, app.log);
  const passwordSender = initialPasswordSender(services, app.log);
  app.addHook('onReady', async () => {
    housekeeping.start();
    passwordSender.start();
  });
  app.addHook('onClose', async () => {
    await housekeeping.stop();
    await passwordSender.stop();
    services.mailer.close();
    await db.destroy();
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  strictTransportSecurity(app);

  // Bytes of files recorded just before a crash, waiting in tmp/ (storage/file-store.ts): published before any route runs.
  const recovered = await services.files.recoverTemporary(
    async (sha256) => Boolean(await db.selectFrom('files').select('sha256').where('sha256', '=', sha256).executeTakeFirst()),
  );
  if (recovered) app.log.warn({ recovered }, 'published the bytes of files recorded before a crash');
  await settleSmsOutbox(db, services.sms.kind, app.log);
  if (config.bootstrapStaffPassword) await bootstrapStaffAdmin(db, config.bootstrapStaffPassword, clock.now());
  for (const file of config.registrySeedFiles) {
    await importRegistry(db, await readFile(file, 'utf8'), { type: 'system', id: null }, clock.now(), 'startup');
    app.log.info({ file }, 'legal-person registry imported from a seed file');
  }
  if (services.identity instanceof SimulatedIdentityVerifier) {
    for (const file of config.simulatedIdentityFiles) await services.identity.load(file);
    app.log.info({ persons: services.identity.size }, 'pre-registration identity checks: SimulatedIdentityVerifier (no real identity service)');
  }
  if (services.marketRegulator instanceof SimulatedMarketRegulator) {
    app.log.info('pre-registration registry match: SimulatedMarketRegulator (reads the imported legal-person registry)');
  }
  // beijing (issue 16)
  if (config.portal === 'beijing-sme' && services.unifiedIdentity instanceof SimulatedUnifiedIdentity) {
    for (const file of config.simulatedUnifiedIdentityFiles) await services.unifiedIdentity.load(file);
    app.log.info({ pairs: services.unifiedIdentity.size }, 'Beijing enterprise certification: SimulatedUnifiedIdentity (no real unified identity platform)');
  }
  if (services.licence) app.log.info({ url: config.elicence.url }, `e-licence login: ${services.licence.name} (no real national licence service)`);
  if (services.trust.anchors.length === 0) {
    app.log.warn({ trustDir: config.trustDir }, 'no trusted CA roots: CA registration and CA login will refuse every key');
  }

  await app.register(errorsPlugin);
  // Shared by every portal; the rest comes from the portal's flows (flows.ts).
  await app.register(systemRoutes);
  await app.register(portalRoutes);
  await app.register(authRoutes);
  await app.register(staffRoutes);
  await app.register(staffKeyRoutes);
  await app.register(enterpriseRoutes);
  await app.register(accountRoleRoutes);
  await app.register(fileRoutes);
  await app.register(tusUploadRoutes);
  await app.register(serviceItemRoutes);
  await registerPortalFlows(app, config.portal, {
    subsidyRule: subsidyRuleFromEnv(opts.env ?? process.env),
    filingCheck: { verifyPades, isIncrementalSignatureOf },
  });
  await app.register(webPagesPlugin, { webDir: opts.webDir });
  return app;
}
