import { describe, expect, it } from 'vitest';
import { accountRequestHref, accountRequestQueueHref, applicationHref, counterRegistrationHref, disbursementHref, disbursementQueueHref, filingHref, filingQueueHref, keyEmergencyHref, parseRoute, preRegistrationHref, preRegistrationQueueHref, queueHref } from './router';
import { desksOf } from './roles';

const id = '0b9d6c1e-2f4a-4c1b-9d3e-5a6b7c8d9e0f';

describe('console routes', () => {
  it('reads back every place it links to', () => {
    expect(parseRoute(applicationHref(id))).toEqual({ name: 'application', id });
    expect(parseRoute(disbursementHref(id))).toEqual({ name: 'disbursement', id });
    expect(parseRoute(queueHref)).toEqual({ name: 'queue' });
    expect(parseRoute(disbursementQueueHref)).toEqual({ name: 'disbursements' });
    expect(parseRoute(counterRegistrationHref)).toEqual({ name: 'counterRegistration' });
    expect(parseRoute(preRegistrationHref(id))).toEqual({ name: 'preRegistration', id });
    expect(parseRoute(preRegistrationQueueHref)).toEqual({ name: 'preRegistrations' });
    expect(parseRoute(accountRequestHref(id))).toEqual({ name: 'accountRequest', id });
    expect(parseRoute(accountRequestQueueHref)).toEqual({ name: 'accountRequests' });
    expect(parseRoute(filingHref(id))).toEqual({ name: 'filing', id });
    expect(parseRoute(filingQueueHref)).toEqual({ name: 'filings' });
    expect(parseRoute(keyEmergencyHref)).toEqual({ name: 'keys' });
  });

  it('sends anything else home', () => {
    for (const hash of ['', '#/', '#/applications/nope', '#/disbursements/x', '#/other']) expect(parseRoute(hash)).toEqual({ name: 'home' });
  });
});

describe('desks by role', () => {
  it('gives reviewers the review queue and filing review, finance the disbursements, the counter counter registration, support pre-registrations, requests and lost keys, admins all', () => {
    expect(desksOf('reviewer')).toEqual(['review', 'filingReview']);
    expect(desksOf('finance')).toEqual(['finance']);
    expect(desksOf('admin')).toEqual(['review', 'finance', 'counter', 'preRegistration', 'accountRequests', 'filingReview', 'keys']);
    expect(desksOf('counter')).toEqual(['counter']);
    expect(desksOf('support')).toEqual(['preRegistration', 'accountRequests', 'keys']);
    // A Beijing server's console: only its own queue, none of SIP's desks; a SIP console has no Beijing queue.
    expect(desksOf('admin', 'beijing-sme')).toEqual(['beijingReview']);
    expect(desksOf('reviewer', 'beijing-sme')).toEqual(['beijingReview']);
    expect(desksOf('finance', 'beijing-sme')).toEqual([]);
    expect(desksOf('admin', 'sip')).not.toContain('beijingReview');
  });
});
