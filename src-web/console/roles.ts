/**
 * Which staff role works which queue (the server enforces the same on every route): reviewers and admins the
 * subsidy review queue; finance and admins the disbursement queue and 启动资金拨付. Support staff and admins register enterprises at the counter and review online pre-registrations.
 */
import type { StaffRole } from '@shared/contract/http/route';

export const canReview = (role: StaffRole) => role === 'reviewer' || role === 'admin';
export const canFinance = (role: StaffRole) => role === 'finance' || role === 'admin';

/** Counter registration (线下注册): support staff at the counter, and admins. */
export const canRegisterAtCounter = (role: StaffRole) => role === 'support' || role === 'admin';

/** 预注册审核: support staff and admins (the server's pre-registration review routes allow the same). */
export const canReviewPreRegistrations = (role: StaffRole) => role === 'support' || role === 'admin';

export type Desk = 'review' | 'finance' | 'counter' | 'preRegistration';

/** The desks a role may use, the first one being where it lands after login. */
export function desksOf(role: StaffRole): Desk[] {
  const desks: Desk[] = [];
  if (canReview(role)) desks.push('review');
  if (canFinance(role)) desks.push('finance');
  if (canRegisterAtCounter(role)) desks.push('counter');
  if (canReviewPreRegistrations(role)) desks.push('preRegistration');
  return desks;
}
