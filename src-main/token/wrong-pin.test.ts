import { describe, expect, it } from 'vitest';
import { pinState } from './discovery';
import { wrongPinDetails } from './key-session';
import { pkcs11js } from './pkcs11/module';

// Issue 21 item 8: what a wrong PIN's error says, from the token flags alone (SoftHSM cannot set FINAL_TRY or
// LOCKED; its real path is in token-service.test.ts).
const info = (flags: number) => ({ flags, minPinLength: 4, maxPinLength: 16 }) as Parameters<typeof pinState>[0];
const after = (flags: number) => wrongPinDetails(pinState(info(flags)));

describe('a wrong PIN reports what the key reports', () => {
  it('no flag: a plain wrong PIN, no count', () => {
    expect(after(0)).toEqual({ countLow: false, finalTry: false });
  });

  it('CKF_USER_PIN_COUNT_LOW: that a PIN was wrong, still no count', () => {
    expect(after(pkcs11js.CKF_USER_PIN_COUNT_LOW)).toEqual({ countLow: true, finalTry: false });
  });

  it('CKF_USER_PIN_FINAL_TRY: one try left', () => {
    expect(after(pkcs11js.CKF_USER_PIN_FINAL_TRY | pkcs11js.CKF_USER_PIN_COUNT_LOW)).toEqual({ countLow: true, finalTry: true, triesLeft: 1 });
  });

  it('CKF_USER_PIN_LOCKED is a locked key, seen before any PIN is sent', () => {
    expect(pinState(info(pkcs11js.CKF_USER_PIN_LOCKED))).toMatchObject({ locked: true, finalTry: false });
  });
});
