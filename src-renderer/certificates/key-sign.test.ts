import { describe, expect, it } from 'vitest';
import { certificate } from '../test-support/certificates';
import { ineligibility } from './eligibility';
import { alreadySigned, asksPin, attemptInput, chosenKey } from './key-sign';

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
