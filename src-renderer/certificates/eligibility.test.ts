import { describe, expect, it } from 'vitest';
import { certificate } from '../test-support/certificates';
import { ineligibility, pinProblem } from './eligibility';

describe('ineligibility', () => {
  it('refuses expired and not-yet-valid certificates for everything', () => {
    expect(ineligibility(certificate({ validity: 'expired' }), 'login')?.code).toBe('CERT_EXPIRED');
    expect(ineligibility(certificate({ validity: 'not-yet-valid' }), 'registration')?.code).toBe('CERT_NOT_YET_VALID');
  });

  it('needs a USCC for registration only', () => {
    const noUscc = certificate({ uscc: null, usccSource: null });
    expect(ineligibility(noUscc, 'registration')?.code).toBe('NO_USCC');
    expect(ineligibility(noUscc, 'login')).toBeNull();
  });

  it('refuses a locked PIN', () => {
    expect(ineligibility(certificate({ pin: { ...certificate().pin, locked: true } }), 'login')?.code).toBe('PIN_LOCKED');
  });
});

describe('pinProblem', () => {
  it('asks nothing on a PIN pad and checks the token’s lengths otherwise', () => {
    expect(pinProblem(certificate({ pin: { ...certificate().pin, pinPad: true } }), '')).toBeNull();
    expect(pinProblem(certificate(), '')).toBe('required');
    expect(pinProblem(certificate(), '123')).toBe('length');
    expect(pinProblem(certificate(), '1234')).toBeNull();
    expect(pinProblem(certificate({ pin: { ...certificate().pin, minLength: 0, maxLength: 0 } }), '1')).toBeNull();
  });
});
