/**
 * The one switch between portals on the server (issue 16): each flow of the catalogue (src-shared/portals) and the
 * route plugins that make it. app.ts registers the shared routes (system, sign-in, staff, enterprise, files), then
 * only the flows of the configured portal (`TONGBAN_PORTAL`): a route of a flow the portal does not have is not
 * there at all and answers 404 ROUTE_NOT_FOUND, like any unknown path.
 */
import type { FastifyInstance } from 'fastify';
import type { FlowId, PortalId } from '@shared/portals/catalogue';
import { portalEntry } from '@shared/portals/catalogue';
import type { SubsidyAmountRule } from '@shared/subsidy/amount';
import type { SignedPdfCheck } from './domain/filing-submit';
import { accountRequestRoutes } from './routes/account-requests';
import { beijingRoutes } from './routes/beijing';
import { counterRegistrationRoutes } from './routes/counter-registration';
import { disbursementRoutes } from './routes/disbursement';
import { disbursementReviewRoutes } from './routes/disbursement-review';
import { elicenceRoutes } from './routes/elicence';
import { filingRoutes } from './routes/filing';
import { legacyRoutes } from './routes/legacy';
import { phoneRoutes } from './routes/phone';
import { preRegistrationRoutes } from './routes/pre-registration';
import { recoveryRoutes } from './routes/recovery';
import { registrationRoutes } from './routes/registration';
import { renewalRoutes } from './routes/renewal';
import { staffUploadRoutes } from './routes/staff-uploads';
import { subsidyRoutes } from './routes/subsidy';
import { subsidyReviewRoutes } from './routes/subsidy-review';

export interface FlowDeps {
  subsidyRule: SubsidyAmountRule;
  filingCheck: SignedPdfCheck;
}

type FlowRegistration = (app: FastifyInstance, deps: FlowDeps) => Promise<void>;

/**
 * Beijing's three flows are one plugin (routes/beijing): a certification belongs to a platform account and an
 * unbinding to a certification, so they are registered together with the account; the catalogue lists all three.
 */
const inPlatformAccount: FlowRegistration = async () => {};

export const FLOW_ROUTES: { readonly [F in FlowId]: FlowRegistration } = {
  caRegistration: async (app) => {
    await app.register(registrationRoutes);
  },
  caRenewal: async (app) => {
    await app.register(renewalRoutes);
  },
  preRegistration: async (app) => {
    await app.register(preRegistrationRoutes);
  },
  // The console's upload route exists for the counter's scans only.
  counterRegistration: async (app) => {
    await app.register(staffUploadRoutes);
    await app.register(counterRegistrationRoutes);
  },
  elicence: async (app) => {
    await app.register(elicenceRoutes);
  },
  legacy: async (app) => {
    await app.register(legacyRoutes);
  },
  passwordRecovery: async (app) => {
    await app.register(recoveryRoutes);
  },
  accountRequests: async (app) => {
    await app.register(accountRequestRoutes);
  },
  subsidy: async (app, deps) => {
    await app.register(subsidyRoutes, { rule: deps.subsidyRule });
    await app.register(subsidyReviewRoutes, { rule: deps.subsidyRule });
  },
  // The phone page uploads the disbursement's receipt.
  disbursement: async (app) => {
    await app.register(disbursementRoutes);
    await app.register(disbursementReviewRoutes);
    await app.register(phoneRoutes);
  },
  constructionFiling: async (app, deps) => {
    await app.register(filingRoutes, { check: deps.filingCheck });
  },
  platformAccount: async (app) => {
    await app.register(beijingRoutes);
  },
  enterpriseCertification: inPlatformAccount,
  unbinding: inPlatformAccount,
};

export async function registerPortalFlows(app: FastifyInstance, portal: PortalId, deps: FlowDeps): Promise<void> {
  for (const flow of portalEntry(portal).flows) await FLOW_ROUTES[flow](app, deps);
}
