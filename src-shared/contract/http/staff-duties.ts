/**
 * Staff duties (issue 17 item 6): which portal staff role does what. Every staff route takes its `roles` from here,
 * the file download decides who reads which enterprise file from here, and the console shows a desk only to the
 * roles listed here — so a duty is granted in one place. `admin` runs the portal and holds every duty, but is
 * still bound by four-eyes (domain/disbursement.ts): whoever approved an application cannot mark it paid.
 */
import type { StaffRole } from './route';

const duty = <const R extends readonly StaffRole[]>(roles: R) => roles;

export const staffDuties = {
  /** 审核: the subsidy review queue, accept / return / approve / reject / publicity. */
  subsidyReview: duty(['reviewer', 'admin']),
  /** Reading applications (finance finds what to open in the same queue). */
  subsidyRead: duty(['reviewer', 'finance', 'admin']),
  /** 备案审核: construction filings (小型建设工程开工备案), return / approve / reject. */
  filingReview: duty(['reviewer', 'admin']),
  /** 资金拨付: open the disbursement, the queue, accept (paid) or return the stamped receipt. */
  disbursement: duty(['finance', 'admin']),
  /** 线下注册 at the hall's counter, with the visitor's documents in hand. */
  counterRegistration: duty(['counter', 'admin']),
  /** 预注册审核: online pre-registrations (ID cards, licences) checked by the help desk. */
  preRegistrationReview: duty(['support', 'admin']),
  /** Account requests (super without a mobile, a new administrator): the help desk (manual 001 Q&A 3, 4). */
  accountRequests: duty(['support', 'admin']),
  /** A lost or stolen key: unbind its certificate from an account, deactivate or reactivate the account. */
  keyEmergency: duty(['support', 'admin']),
  /** An enterprise admin's password reset: the new password goes to the admin's own mobile, never to staff. */
  adminPasswordReset: duty(['support', 'admin']),
  /** Beijing SME platform (issue 16): certifications with a foreign document, unbinding requests. */
  beijingReview: duty(['reviewer', 'admin']),
  /** Staff accounts, the legal-person registry, legacy imports. */
  portalAdministration: duty(['admin']),
  /** The development SMS outbox (passwords and codes masked even there). */
  smsOutbox: duty(['admin']),
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffDuty = keyof typeof staffDuties;

export const mayDo = (role: StaffRole, d: StaffDuty): boolean => (staffDuties[d] as readonly StaffRole[]).includes(role);

/**
 * Which staff roles read an enterprise's file, by the item it was uploaded for (`file_owners.item`): ID cards and
 * licences of a registration only whoever registers or checks registrations; subsidy attachments the reviewers;
 * disbursement files (employment certificates, stamped receipts) finance. Anything else: admin only.
 */
export function staffMayReadFile(role: StaffRole, item: string): boolean {
  switch (item) {
    case 'registration':
      return mayDo(role, 'counterRegistration') || mayDo(role, 'preRegistrationReview');
    case 'preRegistration':
      return mayDo(role, 'preRegistrationReview');
    case 'subsidy':
      return mayDo(role, 'subsidyRead');
    case 'disbursement':
      return mayDo(role, 'disbursement');
    case 'constructionFiling':
      return mayDo(role, 'filingReview');
    default:
      return role === 'admin';
  }
}
