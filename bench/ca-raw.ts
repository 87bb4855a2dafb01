// The baseline of bench:ca: signing with pkcs11js directly, as any careful caller would per operation.
import { performance } from 'node:perf_hooks';
import pkcs11js from 'pkcs11js';

/** Size of what the token signs for a CMS: the DER of the signed attributes is about this long. */
export const DIGEST_INPUT_SIZE = 300;

/**
 * A raw signer on one token: `sign()` is one operation as any careful caller does it per signature (session,
 * login, find the key, C_Sign, logout, close) and returns its milliseconds. The module stays initialised between
 * calls, as the token service keeps it, so the two can be measured round robin.
 */
export function rawSigner(opts: { module: string; label: string; pin: string }) {
  const p = new pkcs11js.PKCS11();
  p.load(opts.module);
  p.C_Initialize();
  const slot = p.C_GetSlotList(true).find((s) => p.C_GetTokenInfo(s).label.trim() === opts.label);
  if (!slot) throw new Error(`token ${opts.label} not found`);
  const data = Buffer.alloc(DIGEST_INPUT_SIZE, 0x41);
  return {
    sign(): number {
      const t0 = performance.now();
      const session = p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      p.C_Login(session, pkcs11js.CKU_USER, opts.pin);
      p.C_FindObjectsInit(session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }]);
      const [key] = p.C_FindObjects(session, 1);
      p.C_FindObjectsFinal(session);
      if (!key) throw new Error('no private key');
      p.C_SignInit(session, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key);
      p.C_Sign(session, data, Buffer.alloc(512));
      p.C_Logout(session);
      p.C_CloseSession(session);
      return performance.now() - t0;
    },
    close: () => p.C_Finalize(),
  };
}
