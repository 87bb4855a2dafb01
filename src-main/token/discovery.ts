/**
 * Discovery over every loaded module and slot, without logging in: certificates are read as public objects,
 * CA certificates left out, duplicates (the same certificate through two modules) merged. A failing slot is
 * skipped and its reason kept for the log and the diagnostic report; it never hides the other keys.
 */
import { createHash } from 'node:crypto';
import { parseCertificate, type CertificateInfo } from '@shared/certificate/parse';
import type { PinState, SlotReport, TokenCertificate } from '@shared/contract/token';
import { toBase64 } from '@shared/encoding/bytes';
import type { LoadedModule, ModuleRegistry } from './modules';
import { ckrName } from './pkcs11/errors';
import { pkcs11js, type Handle, type TokenInfo } from './pkcs11/module';
import type { ProfileSet } from './profiles';

/** Where a certificate lives, for signing with its key later. */
export interface CertificateLocation {
  loaded: LoadedModule;
  slot: Handle;
  ckaId: Buffer;
  info: CertificateInfo;
}

export interface Discovered {
  certificate: TokenCertificate;
  location: CertificateLocation;
}

export interface DiscoveryResult {
  found: Discovered[];
  slots: SlotReport[];
}

const TOKEN_FLAGS: Array<[number, string]> = [
  [pkcs11js.CKF_LOGIN_REQUIRED, 'LOGIN_REQUIRED'],
  [pkcs11js.CKF_USER_PIN_INITIALIZED, 'USER_PIN_INITIALIZED'],
  [pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH, 'PROTECTED_AUTHENTICATION_PATH'],
  [pkcs11js.CKF_TOKEN_INITIALIZED, 'TOKEN_INITIALIZED'],
  [pkcs11js.CKF_USER_PIN_COUNT_LOW, 'USER_PIN_COUNT_LOW'],
  [pkcs11js.CKF_USER_PIN_FINAL_TRY, 'USER_PIN_FINAL_TRY'],
  [pkcs11js.CKF_USER_PIN_LOCKED, 'USER_PIN_LOCKED'],
  [pkcs11js.CKF_USER_PIN_TO_BE_CHANGED, 'USER_PIN_TO_BE_CHANGED'],
  [pkcs11js.CKF_WRITE_PROTECTED, 'WRITE_PROTECTED'],
];

export function tokenFlagNames(flags: number): string[] {
  return TOKEN_FLAGS.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
}

export function pinState(token: TokenInfo): PinState {
  return {
    countLow: (token.flags & pkcs11js.CKF_USER_PIN_COUNT_LOW) !== 0,
    finalTry: (token.flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) !== 0,
    locked: (token.flags & pkcs11js.CKF_USER_PIN_LOCKED) !== 0,
    pinPad: (token.flags & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0,
    minLength: token.minPinLength,
    maxLength: token.maxPinLength,
  };
}

export class Discovery {
  /** Parsing is the costly part of discovery; certificates do not change, so parse each DER once. */
  private readonly parsed = new Map<string, { info: CertificateInfo; fingerprint: string }>();

  constructor(
    private readonly registry: ModuleRegistry,
    private readonly profiles: ProfileSet,
    private readonly now: () => Date = () => new Date(),
    /** Told which library is about to run (the token service reports it, so a crash names the driver). */
    private readonly enter: (modulePath: string) => void = () => {},
  ) {}

  run(opts: { mechanisms?: boolean } = {}): DiscoveryResult {
    const found = new Map<string, Discovered>();
    const slots: SlotReport[] = [];
    for (const loaded of this.registry.loaded) {
      let slotList: Handle[];
      this.enter(loaded.candidate.path);
      try {
        this.registry.refresh(loaded);
        slotList = loaded.module.slots(true);
      } catch (e) {
        slots.push({ modulePath: loaded.candidate.path, slotId: '-', description: '', tokenPresent: false, certificates: 0, error: { code: 'TOKEN_ERROR', detail: `C_GetSlotList: ${ckrName(e)}` } });
        continue;
      }
      for (const slot of slotList) slots.push(this.readSlot(loaded, slot, found, opts.mechanisms ?? false));
    }
    return { found: [...found.values()], slots };
  }

  private readSlot(loaded: LoadedModule, slot: Handle, found: Map<string, Discovered>, withMechanisms: boolean): SlotReport {
    const { module } = loaded;
    const report: SlotReport = { modulePath: loaded.candidate.path, slotId: slotIdText(slot), description: '', tokenPresent: true, certificates: 0 };
    let step = 'C_GetSlotInfo';
    let session: Handle | null = null;
    try {
      report.description = module.slotInfo(slot).description;
      step = 'C_GetTokenInfo';
      const token = module.tokenInfo(slot);
      report.token = { label: token.label, serial: token.serial, manufacturer: token.manufacturer, model: token.model, flags: tokenFlagNames(token.flags), mechanisms: [] };
      if (withMechanisms) {
        step = 'C_GetMechanismList';
        report.token.mechanisms = module.mechanisms(slot).map(mechanismName);
      }
      step = 'C_OpenSession';
      session = module.openSession(slot);
      step = 'C_FindObjects';
      const certs = module.findObjects(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
        { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
      ]);
      for (const handle of certs) {
        step = 'C_GetAttributeValue';
        const attrs = module.attributes(session, handle, [pkcs11js.CKA_VALUE, pkcs11js.CKA_ID, pkcs11js.CKA_CERTIFICATE_CATEGORY]);
        const der = attrs.get(pkcs11js.CKA_VALUE);
        if (!der) continue;
        const parsed = this.parse(der);
        const category = attrs.get(pkcs11js.CKA_CERTIFICATE_CATEGORY);
        // CA certificates on the token (the CA's root, intermediates) are not the user's certificates.
        if (!parsed || parsed.info.isCA || (category && category.length > 0 && category.readUIntLE(0, Math.min(category.length, 4)) === 2)) continue;
        report.certificates++;
        if (found.has(parsed.fingerprint)) continue;
        found.set(parsed.fingerprint, {
          certificate: this.describe(parsed.info, parsed.fingerprint, token, loaded),
          location: { loaded, slot, ckaId: attrs.get(pkcs11js.CKA_ID) ?? Buffer.alloc(0), info: parsed.info },
        });
      }
    } catch (e) {
      report.error = { code: 'TOKEN_ERROR', detail: `${step}: ${ckrName(e)}` };
    } finally {
      if (session) {
        try {
          module.closeSession(session);
        } catch {
          /* the token may be gone */
        }
      }
    }
    return report;
  }

  private parse(der: Buffer): { info: CertificateInfo; fingerprint: string } | null {
    const fingerprint = createHash('sha256').update(der).digest('hex');
    let entry = this.parsed.get(fingerprint);
    if (!entry) {
      try {
        entry = { info: parseCertificate(new Uint8Array(der)), fingerprint };
      } catch {
        return null; // not X.509 we can read: skip it rather than fail the token
      }
      this.parsed.set(fingerprint, entry);
    }
    return entry;
  }

  private describe(info: CertificateInfo, fingerprint: string, token: TokenInfo, loaded: LoadedModule): TokenCertificate {
    const now = this.now();
    const profile = this.profiles.profileForIssuer(info.issuer.text);
    const byModule = this.profiles.profiles.find((p) => p.id === loaded.candidate.profile);
    const unlock = (profile.id !== 'unknown' ? profile : byModule)?.unlock;
    return {
      fingerprint,
      tokenLabel: token.label,
      tokenSerial: token.serial,
      tokenManufacturer: token.manufacturer,
      tokenModel: token.model,
      modulePath: loaded.candidate.path,
      profile: profile.id !== 'unknown' ? profile.id : (byModule?.id ?? 'unknown'),
      subject: info.subject.text,
      issuer: info.issuer.text,
      notBefore: info.notBefore.toISOString(),
      notAfter: info.notAfter.toISOString(),
      validity: now < info.notBefore ? 'not-yet-valid' : now > info.notAfter ? 'expired' : 'valid',
      keyType: info.keyType,
      keyBits: info.keyBits,
      uscc: info.uscc?.value ?? null,
      usccSource: info.uscc?.source ?? null,
      enterpriseName: info.enterpriseName,
      pin: pinState(token),
      ...(unlock ? { unlock } : {}),
      certificate: toBase64(info.der),
    };
  }
}

function slotIdText(slot: Handle): string {
  return slot.length >= 8 ? slot.readBigUInt64LE(0).toString() : slot.readUIntLE(0, Math.min(slot.length, 6)).toString();
}

const MECHANISM_NAMES = new Map<number, string>(
  Object.entries(pkcs11js as unknown as Record<string, unknown>)
    .filter(([name, value]) => name.startsWith('CKM_') && typeof value === 'number')
    .map(([name, value]) => [value as number, name]),
);

export function mechanismName(mechanism: number): string {
  return MECHANISM_NAMES.get(mechanism) ?? `0x${mechanism.toString(16).padStart(8, '0')}`;
}
