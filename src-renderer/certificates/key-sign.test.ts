import { describe, expect, it } from 'vitest';
import { certificate } from '../test-support/certificates';
import { ineligibility } from './eligibility';
import { alreadySigned, asksPin, attemptInput, chosenKey, keepsPin, whyNotReady } from './key-sign';

const ours = certificate({ fingerprint: 'a'.repeat(64), uscc: '91320594MA1MXXXX0X' });
const theirs = certificate({ fingerprint: 'b'.repeat(64), uscc: '91320500MA2YYYYY1Y', enterpriseName: '苏州另一家有限公司' });
const expired = certificate({ fingerprint: 'c'.repeat(64), validity: 'expired' });
const signedError = { code: 'SUBMISSION_QUEUED', retriable: true, details: { signed: true } };

describe('chosenKey', () => {
  it('preselects the only usable key; a key of another enterprise and an expired one do not count', () => {
    expect(chosenKey([theirs, expired, ours], { purpose: 'registration', expectedUscc: ours.uscc, selected: null }).chosen).toBe(ours);
  });

  it('preselects nothing when several keys are usable, unless one is the key picked earlier in the flow', () => {
    const second = certificate({ fingerprint: 'd'.repeat(64) });
    expect(chosenKey([ours, second], { purpose: 'login', selected: null }).chosen).toBeUndefined();
    expect(chosenKey([ours, second], { purpose: 'login', selected: null, preferred: second.fingerprint }).chosen).toBe(second);
    // An earlier pick of another enterprise's key is not taken.
    expect(chosenKey([ours, theirs], { purpose: 'registration', expectedUscc: ours.uscc, selected: null, preferred: theirs.fingerprint }).chosen).toBe(ours);
  });

  it('preselects the session enterprise’s key, the one last used on this PC among several (issue 21 item 5)', () => {
    const ours2 = certificate({ fingerprint: 'f'.repeat(64), uscc: ours.uscc });
    expect(chosenKey([ours, ours2, theirs], { purpose: 'registration', expectedUscc: ours.uscc, selected: null }).chosen).toBeUndefined();
    expect(chosenKey([ours, ours2, theirs], { purpose: 'registration', expectedUscc: ours.uscc, selected: null, lastUsed: ours2.fingerprint }).chosen).toBe(ours2);
    // The last used key of another enterprise is not taken for this one.
    expect(chosenKey([ours, theirs], { purpose: 'registration', expectedUscc: ours.uscc, selected: null, lastUsed: theirs.fingerprint }).chosen).toBe(ours);
  });

  it('CA login: the last used key, the key of the enterprise last signed in, never a guess at another company’s', () => {
    expect(chosenKey([ours, theirs], { purpose: 'login', selected: null, lastUsed: theirs.fingerprint }).chosen).toBe(theirs);
    expect(chosenKey([ours, theirs], { purpose: 'login', selected: null, enterprise: { name: theirs.enterpriseName } }).chosen).toBe(theirs);
    // The enterprise last signed in has no key here: the other company's only key is not preselected.
    expect(chosenKey([theirs], { purpose: 'login', selected: null, enterprise: { uscc: ours.uscc } }).chosen).toBeUndefined();
    // This PC's key is not plugged in: the one other key is not taken for it.
    expect(chosenKey([theirs], { purpose: 'login', selected: null, lastUsed: ours.fingerprint }).chosen).toBeUndefined();
    // A PC that never used a key: the only usable key.
    expect(chosenKey([theirs, expired], { purpose: 'login', selected: null }).chosen).toBe(theirs);
  });

  it('says why the sign button is disabled', () => {
    expect(whyNotReady({ chosen: undefined, blocked: null, removed: true, none: true })).toBe('keys.why.removed');
    expect(whyNotReady({ chosen: undefined, blocked: null, removed: false, none: true })).toBe('keys.why.none');
    expect(whyNotReady({ chosen: undefined, blocked: null, removed: false, none: false })).toBe('keys.why.choose');
    expect(whyNotReady({ chosen: expired, blocked: { code: 'CERT_EXPIRED', retriable: false }, removed: false, none: false })).toBe('keys.why.blocked');
    expect(whyNotReady({ chosen: ours, blocked: null, removed: false, none: false })).toBeNull();
  });

  it('keeps the clerk’s choice: a chosen key pulled out is reported, never swapped for another', () => {
    expect(chosenKey([ours], { purpose: 'login', selected: 'e'.repeat(64) })).toEqual({ chosen: undefined, removed: true });
  });
});

describe('another enterprise’s key', () => {
  it('is not selectable for a signature of this enterprise, with its own code', () => {
    expect(ineligibility(theirs, 'registration', ours.uscc)?.code).toBe('CERT_OTHER_ENTERPRISE');
    expect(ineligibility(ours, 'registration', ours.uscc)).toBeNull();
    expect(ineligibility(theirs, 'login')).toBeNull();
  });
});

describe('attempts', () => {
  it('sends the PIN typed, and refuses one the key cannot take before it costs a try', () => {
    expect(attemptInput(ours, '123456', null)).toEqual({ fingerprint: ours.fingerprint, pin: '123456' });
    expect(attemptInput(ours, '12', null)).toBeNull();
    expect(attemptInput(ours, '', null)).toBeNull();
  });

  it('retries without a PIN once main holds the signed envelope', () => {
    expect(alreadySigned(signedError)).toBe(true);
    expect(asksPin(ours, signedError)).toBe(false);
    expect(attemptInput(ours, '', signedError)).toEqual({ fingerprint: ours.fingerprint });
    // A wrong PIN is not signed: it is asked again.
    expect(asksPin(ours, { code: 'PIN_INCORRECT', retriable: false, details: { triesLeft: 2 } })).toBe(true);
  });

  it('asks no PIN on a PIN pad', () => {
    const pad = certificate({ pin: { ...ours.pin, pinPad: true } });
    expect(asksPin(pad, null)).toBe(false);
    expect(attemptInput(pad, '', null)).toEqual({ fingerprint: pad.fingerprint });
  });
});

describe('the PIN after a failed attempt (issue 18)', () => {
  it('goes back into the field when the driver hung or crashed, never after a PIN error or a pulled key', () => {
    for (const code of ['TIMEOUT', 'TOKEN_DRIVER_CRASHED', 'TOKEN_SERVICE_UNAVAILABLE']) expect(keepsPin({ code, retriable: true })).toBe(true);
    for (const code of ['PIN_INCORRECT', 'PIN_LOCKED', 'TOKEN_REMOVED', 'USER_CANCELLED']) expect(keepsPin({ code, retriable: false })).toBe(false);
    expect(keepsPin(null)).toBe(false);
  });
});
