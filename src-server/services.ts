/**
 * What route handlers reach through `app.services`: the database, the clock, notifications, file storage and the
 * trust roots. Built once in `buildServer()`; tests pass their own clock, SMS gateway or data directory.
 */
import type { Kysely } from 'kysely';
import type { ServerConfig } from './config';
import type { DatabaseEngine } from './db/connect';
import type { Database } from './db/schema';
import type { Clock } from './domain/clock';
import type { PrincipalCache } from './domain/principal-cache';
import type { Mailer } from './notifications/mail';
import type { SmsGateway } from './notifications/sms';
import type { TrustStore } from './pki/trust-store';
import type { AccountPrincipal, LegacyPrincipal, PlatformPrincipal, StaffPrincipal } from './plugins/auth';
import type { FileStore, PartialUploadStore } from './storage/file-store';
import type { IdentityVerifier } from './verification/identity';
import type { MarketRegulator } from './verification/market-regulator';
import type { LicenceService } from './elicence/licence-service';
import type { UnifiedIdentity } from './beijing/unified-identity';

export interface Services {
  config: ServerConfig;
  db: Kysely<Database>;
  engine: DatabaseEngine;
  clock: Clock;
  sms: SmsGateway;
  mailer: Mailer;
  files: FileStore;
  /** Unfinished tus uploads (`<data>/uploads` today), until their last byte moves them into `files`. */
  partialUploads: PartialUploadStore;
  trust: TrustStore;
  /** Session → principal, for a few seconds; cleared on logout, password and permission changes. */
  principals: PrincipalCache<AccountPrincipal | StaffPrincipal | LegacyPrincipal | PlatformPrincipal>;
  /** Pre-registration's checks of the legal representative (simulated here: verification/). */
  identity: IdentityVerifier;
  marketRegulator: MarketRegulator;
  /** The e-licence service (SimulatedLicenceService here); null when not configured. */
  licence: LicenceService | null;
  /** beijing: the unified identity platform (法人一证通; SimulatedUnifiedIdentity here). */
  unifiedIdentity: UnifiedIdentity;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
