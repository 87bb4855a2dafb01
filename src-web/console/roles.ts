/**
 * Which staff role works which desk: the console shows a desk only to the roles the server lets through its routes,
 * both read from `staffDuties` (src-shared/contract/http/staff-duties.ts), so the two cannot drift apart.
 */
import type { StaffRole } from '@shared/contract/http/route';
import { mayDo } from '@shared/contract/http/staff-duties';
import { PORTALS, type FlowId, type PortalId } from '@shared/portals/catalogue';

export const canReview = (role: StaffRole) => mayDo(role, 'subsidyReview');
export const canFinance = (role: StaffRole) => mayDo(role, 'disbursement');

/** Counter registration (线下注册): counter staff at the hall, and admins. */
export const canRegisterAtCounter = (role: StaffRole) => mayDo(role, 'counterRegistration');

/** 预注册审核: support staff and admins. */
export const canReviewPreRegistrations = (role: StaffRole) => mayDo(role, 'preRegistrationReview');

/** 账户申请审核 (requests to the portal staff): support staff and admins, as the server's review routes allow. */
export const canReviewAccountRequests = (role: StaffRole) => mayDo(role, 'accountRequests');

/** 备案审核 (construction filings): reviewers and admins. */
export const canReviewFilings = (role: StaffRole) => mayDo(role, 'filingReview');

/** 密钥挂失 (a lost key: unbind, deactivate): support staff and admins. */
export const canStopLostKeys = (role: StaffRole) => mayDo(role, 'keyEmergency');

/** beijing: 北京企业认证审核 (certifications with a foreign document, unbinding): reviewers and admins, on that portal only. */
export const canReviewBeijing = (role: StaffRole) => mayDo(role, 'beijingReview');

export type Desk = 'review' | 'finance' | 'counter' | 'preRegistration' | 'accountRequests' | 'filingReview' | 'keys' | 'beijingReview';

/**
 * The portal flow each desk serves (src-shared/portals): a desk shows only on a portal that has its flow, so a
 * Beijing server's console has no SIP subsidy or counter desk and a SIP one no Beijing queue. The lost-key desk
 * serves the CA-key sign-in.
 */
const DESK_FLOW: { readonly [D in Desk]: FlowId } = {
  review: 'subsidy',
  finance: 'disbursement',
  counter: 'counterRegistration',
  preRegistration: 'preRegistration',
  accountRequests: 'accountRequests',
  filingReview: 'constructionFiling',
  keys: 'caRegistration',
  beijingReview: 'enterpriseCertification',
};

const MAY_WORK: { readonly [D in Desk]: (role: StaffRole) => boolean } = {
  review: canReview,
  finance: canFinance,
  counter: canRegisterAtCounter,
  preRegistration: canReviewPreRegistrations,
  accountRequests: canReviewAccountRequests,
  filingReview: canReviewFilings,
  keys: canStopLostKeys,
  beijingReview: canReviewBeijing,
};

/** The desks a role may use on this portal, the first one being where it lands after login. */
export function desksOf(role: StaffRole, portal: PortalId = 'sip'): Desk[] {
  const flows = PORTALS[portal].flows;
  return (Object.keys(MAY_WORK) as Desk[]).filter((desk) => flows.includes(DESK_FLOW[desk]) && MAY_WORK[desk](role));
}
