/**
 * Which staff role works which desk: the console shows a desk only to the roles the server lets through its routes,
 * both read from `staffDuties` (src-shared/contract/http/staff-duties.ts), so the two cannot drift apart.
 */
import type { StaffRole } from '@shared/contract/http/route';
import { mayDo } from '@shared/contract/http/staff-duties';

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

/** The desks a role may use, the first one being where it lands after login. */
export function desksOf(role: StaffRole, portal: 'sip' | 'beijing-sme' = 'sip'): Desk[] {
  const desks: Desk[] = [];
  if (canReview(role)) desks.push('review');
  if (canFinance(role)) desks.push('finance');
  if (canRegisterAtCounter(role)) desks.push('counter');
  if (canReviewPreRegistrations(role)) desks.push('preRegistration');
  if (canReviewAccountRequests(role)) desks.push('accountRequests');
  if (canReviewFilings(role)) desks.push('filingReview');
  if (canStopLostKeys(role)) desks.push('keys');
  if (portal === 'beijing-sme' && canReviewBeijing(role)) desks.push('beijingReview');
  return desks;
}
