/**
 * The places in the console, kept in the URL hash so reload and the back button work: the subsidy queue, one
 * application, the disbursement queue, one disbursement, counter registration. `#/` is the home of the staff member's first desk.
 */
import { useSyncExternalStore } from 'react';

export type ConsoleRoute =
  | { name: 'home' }
  | { name: 'queue' }
  | { name: 'application'; id: string }
  | { name: 'disbursements' }
  | { name: 'disbursement'; id: string }
  | { name: 'counterRegistration' }
  | { name: 'legacyAccounts' }
  | { name: 'preRegistrations' }
  | { name: 'preRegistration'; id: string }
  | { name: 'accountRequests' }
  | { name: 'accountRequest'; id: string }
  | { name: 'filings' }
  | { name: 'filing'; id: string }
  | { name: 'keys' }
  // beijing (issue 16)
  | { name: 'beijing' };

const UUID = '([0-9a-fA-F-]{36})';

export function parseRoute(hash: string): ConsoleRoute {
  let m = new RegExp(`^#/applications/${UUID}$`).exec(hash);
  if (m?.[1]) return { name: 'application', id: m[1] };
  m = new RegExp(`^#/disbursements/${UUID}$`).exec(hash);
  if (m?.[1]) return { name: 'disbursement', id: m[1] };
  if (hash === '#/disbursements') return { name: 'disbursements' };
  if (hash === '#/counter-registration') return { name: 'counterRegistration' };
  m = new RegExp(`^#/pre-registrations/${UUID}$`).exec(hash);
  if (m?.[1]) return { name: 'preRegistration', id: m[1] };
  if (hash === '#/pre-registrations') return { name: 'preRegistrations' };
  m = new RegExp(`^#/account-requests/${UUID}$`).exec(hash);
  if (m?.[1]) return { name: 'accountRequest', id: m[1] };
  if (hash === '#/account-requests') return { name: 'accountRequests' };
  if (hash === '#/applications') return { name: 'queue' };
  if (hash === '#/legacy-accounts') return { name: 'legacyAccounts' };
  m = new RegExp(`^#/filings/${UUID}$`).exec(hash);
  if (m?.[1]) return { name: 'filing', id: m[1] };
  if (hash === '#/filings') return { name: 'filings' };
  if (hash === '#/keys') return { name: 'keys' };
  if (hash === '#/beijing') return { name: 'beijing' };
  return { name: 'home' };
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): ConsoleRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export const applicationHref = (id: string) => `#/applications/${id}`;
export const queueHref = '#/applications';
export const disbursementHref = (id: string) => `#/disbursements/${id}`;
export const disbursementQueueHref = '#/disbursements';
export const counterRegistrationHref = '#/counter-registration';
export const legacyAccountsHref = '#/legacy-accounts';
export const preRegistrationHref = (id: string) => `#/pre-registrations/${id}`;
export const preRegistrationQueueHref = '#/pre-registrations';
export const accountRequestHref = (id: string) => `#/account-requests/${id}`;
export const accountRequestQueueHref = '#/account-requests';
export const filingHref = (id: string) => `#/filings/${id}`;
export const filingQueueHref = '#/filings';
export const keyEmergencyHref = '#/keys';
export const beijingQueueHref = '#/beijing';
