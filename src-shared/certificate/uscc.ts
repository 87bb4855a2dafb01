/**
 * Where the enterprise's Unified Social Credit Code sits in a certificate. CAs disagree, so we look in the order
 * DESIGN.md gives and say which place was used; only values that pass GB 32100 are accepted, so an organisation
 * code (9 characters) or a mistyped value in an earlier place never wins over a valid one further down.
 */
import * as asn1js from 'asn1js';
import { isValidUscc } from '../validation/uscc';
import type { NameAttribute } from './parse';
import { OID } from './oids';

export type UsccSource =
  | 'gmt0015-2023'
  | 'gmt0015-2012-4.1.4'
  | 'gmt0015-2012-4.1.3'
  | 'cn86-7.4'
  | 'cn86-7.3'
  | 'subject-serialNumber'
  | 'subject-organizationIdentifier'
  | 'subject-OU'
  | 'subject-CN';

export interface UsccInCertificate {
  value: string;
  source: UsccSource;
}

const EXTENSION_ORDER: ReadonlyArray<readonly [string, UsccSource]> = [
  [OID.gmt0015v2023Uscc, 'gmt0015-2023'],
  [OID.gmt0015v2012OrgCode, 'gmt0015-2012-4.1.4'],
  [OID.gmt0015v2012Uscc, 'gmt0015-2012-4.1.3'],
  [OID.cn86OrgCode, 'cn86-7.4'],
  [OID.cn86Uscc, 'cn86-7.3'],
];
const SUBJECT_ORDER: ReadonlyArray<readonly [string, UsccSource]> = [
  [OID.serialNumber, 'subject-serialNumber'],
  [OID.organizationIdentifier, 'subject-organizationIdentifier'],
  [OID.organizationalUnit, 'subject-OU'],
  [OID.commonName, 'subject-CN'],
];

/** 18 characters of the GB 32100 alphabet, not glued to other code characters. */
const CANDIDATE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])/g;

/** The first GB 32100-valid code in a text such as `91320594MA1MXK3R3C`, `NTRCN-9132…` or `统一社会信用代码:9132…`. */
export function usccInText(text: string): string | null {
  for (const m of text.matchAll(CANDIDATE)) if (isValidUscc(m[0])) return m[0];
  return null;
}

export function findUscc(subject: NameAttribute[], extensions: ReadonlyMap<string, Uint8Array>): UsccInCertificate | null {
  for (const [oid, source] of EXTENSION_ORDER) {
    const raw = extensions.get(oid);
    const value = raw && usccInText(extensionText(raw));
    if (value) return { value, source };
  }
  for (const [oid, source] of SUBJECT_ORDER) {
    for (const attr of subject) {
      const value = attr.oid === oid ? usccInText(attr.value) : null;
      if (value) return { value, source };
    }
  }
  return null;
}

/**
 * An extension's value is meant to be a DER string (UTF8String, PrintableString, IA5String); some CAs put the
 * bare ASCII bytes there instead. Accept both.
 */
function extensionText(raw: Uint8Array): string {
  const parsed = asn1js.fromBER(raw);
  if (parsed.offset === raw.length) {
    const v = parsed.result;
    if (v instanceof asn1js.BaseStringBlock) return v.getValue();
    if (v instanceof asn1js.OctetString) return new TextDecoder().decode(v.valueBlock.valueHexView);
  }
  return new TextDecoder().decode(raw);
}
