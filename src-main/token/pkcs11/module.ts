/**
 * The narrow PKCS#11 surface the token service uses, as an interface: the real implementation wraps pkcs11js,
 * and tests substitute decorators to produce what SoftHSM never does (a locked PIN, a final try, a PIN pad).
 */
import pkcs11js from 'pkcs11js';

export type Handle = Buffer;

export interface ModuleInfo {
  manufacturer: string;
  description: string;
  cryptokiVersion: string;
  libraryVersion: string;
}

export interface SlotInfo {
  description: string;
  manufacturer: string;
  flags: number;
}

export interface TokenInfo {
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  flags: number;
  minPinLength: number;
  maxPinLength: number;
}

export interface Attribute {
  type: number;
  value?: number | boolean | string | Buffer;
}

export interface Pkcs11Module {
  readonly path: string;
  initialize(): void;
  finalize(): void;
  info(): ModuleInfo;
  slots(tokenPresent: boolean): Handle[];
  slotInfo(slot: Handle): SlotInfo;
  tokenInfo(slot: Handle): TokenInfo;
  mechanisms(slot: Handle): number[];
  openSession(slot: Handle): Handle;
  closeSession(session: Handle): void;
  /** `pin` null: the token's protected authentication path (PIN pad) collects it. */
  login(session: Handle, pin: string | null): void;
  logout(session: Handle): void;
  findObjects(session: Handle, template: Attribute[]): Handle[];
  attributes(session: Handle, object: Handle, types: number[]): Map<number, Buffer>;
  sign(session: Handle, mechanism: number, key: Handle, data: Buffer): Buffer;
}

const trim = (s: string) => s.replace(/[\s\0]+$/, '');
const version = (v: { major: number; minor: number }) => `${v.major}.${v.minor}`;

/** Loads a PKCS#11 library with pkcs11js. Throws pkcs11js / dlopen errors as they are; callers classify them. */
export function loadPkcs11Module(path: string): Pkcs11Module {
  const p = new pkcs11js.PKCS11();
  p.load(path);
  return {
    path,
    initialize: () => p.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK }),
    finalize: () => p.C_Finalize(),
    info() {
      const i = p.C_GetInfo();
      return {
        manufacturer: trim(i.manufacturerID),
        description: trim(i.libraryDescription),
        cryptokiVersion: version(i.cryptokiVersion),
        libraryVersion: version(i.libraryVersion),
      };
    },
    slots: (tokenPresent) => p.C_GetSlotList(tokenPresent),
    slotInfo(slot) {
      const s = p.C_GetSlotInfo(slot);
      return { description: trim(s.slotDescription), manufacturer: trim(s.manufacturerID), flags: s.flags };
    },
    tokenInfo(slot) {
      const t = p.C_GetTokenInfo(slot);
      return {
        label: trim(t.label),
        manufacturer: trim(t.manufacturerID),
        model: trim(t.model),
        serial: trim(t.serialNumber),
        flags: t.flags,
        minPinLength: t.minPinLen,
        maxPinLength: t.maxPinLen,
      };
    },
    mechanisms: (slot) => p.C_GetMechanismList(slot),
    openSession: (slot) => p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION),
    closeSession: (session) => p.C_CloseSession(session),
    login: (session, pin) => (pin === null ? p.C_Login(session, pkcs11js.CKU_USER) : p.C_Login(session, pkcs11js.CKU_USER, pin)),
    logout: (session) => p.C_Logout(session),
    findObjects(session, template) {
      p.C_FindObjectsInit(session, template);
      try {
        const found: Handle[] = [];
        for (let batch = p.C_FindObjects(session, 64); batch.length > 0; batch = p.C_FindObjects(session, 64)) {
          found.push(...batch);
        }
        return found;
      } finally {
        p.C_FindObjectsFinal(session);
      }
    },
    attributes(session, object, types) {
      const out = new Map<number, Buffer>();
      // One attribute at a time: a token that refuses one (CKR_ATTRIBUTE_SENSITIVE) must not hide the others.
      for (const type of types) {
        try {
          const [attr] = p.C_GetAttributeValue(session, object, [{ type }]);
          if (attr && Buffer.isBuffer(attr.value)) out.set(type, attr.value);
        } catch {
          /* absent or sensitive: leave it out */
        }
      }
      return out;
    },
    sign(session, mechanism, key, data) {
      p.C_SignInit(session, { mechanism }, key);
      return p.C_Sign(session, data, Buffer.alloc(1024));
    },
  };
}

export { pkcs11js };
