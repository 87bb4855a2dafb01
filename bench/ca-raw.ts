// The baseline of bench:ca: signing with pkcs11js directly, as any careful caller would per operation.
import { performance } from 'node:perf_hooks';
import pkcs11js from 'pkcs11js';

/** Size of what the token signs for a CMS: the DER of the signed attributes is about this long. */
export const DIGEST_INPUT_SIZE = 300;

export function rawSignTimings(opts: { module: string; label: string; pin: string; count: number }): number[] {
  const p = new pkcs11js.PKCS11();
  p.load(opts.module);
  p.C_Initialize();
  try {
    const slot = p.C_GetSlotList(true).find((s) => p.C_GetTokenInfo(s).label.trim() === opts.label);
    if (!slot) throw new Error(`token ${opts.label} not found`);
    const data = Buffer.alloc(DIGEST_INPUT_SIZE, 0x41);
    const timings: number[] = [];
    for (let i = 0; i <= opts.count; i++) {
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
      if (i > 0) timings.push(performance.now() - t0); // the first one warms up
    }
    return timings;
  } finally {
    p.C_Finalize();
  }
}
