/**
 * The issued certificates, checked with tools independent of the ones that made them: `openssl verify` for the
 * chains, pkijs/asn1js for the exact DER (string types, extension encodings), node:crypto for hashes.
 */
import { createHash, createPublicKey, X509Certificate as NodeX509 } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pemToDer } from './csr.js';
import { CommandError, run } from './exec.js';
import { defaultTokenLabels, findIssuedToken, type IssuedTokenEntry, type TokenManifest, type UsccSource } from './manifest.js';
import { CA_PROFILES, OID_GMT0015_2012_ORG_CODE, OID_GMT0015_2023_USCC, TOKEN_SPECS } from './profiles.js';
import { ensureSnapshot } from './provision.js';

const OID = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  serialNumber: '2.5.4.5',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  ski: '2.5.29.14',
  aki: '2.5.29.35',
  aia: '1.3.6.1.5.5.7.1.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};
const TAG_UTF8STRING = 12;
const TAG_PRINTABLESTRING = 19;

/** GB 32100-2015 check, written from DESIGN.md independently of the product's validator. */
function isValidUscc(s: string): boolean {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(s)) return false;
  const sum = weights.reduce((acc, w, i) => acc + w * chars.indexOf(s.charAt(i)), 0);
  if (chars.charAt((31 - (sum % 31)) % 31) !== s.charAt(17)) return false;
  // Positions 9-17: GB 11714 organisation code with its own check character.
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = orgWeights.reduce((acc, w, i) => acc + w * parseInt(s.charAt(8 + i), 36), 0);
  const c = 11 - (orgSum % 11);
  return s.charAt(16) === (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

interface StringValue {
  tag: number;
  text: string;
}

function parseCert(der: Buffer): pkijs.Certificate {
  return new pkijs.Certificate({ schema: asn1js.fromBER(new Uint8Array(der)).result });
}

function stringValue(block: unknown): StringValue {
  const b = block as asn1js.BaseStringBlock;
  return { tag: b.idBlock.tagNumber, text: b.valueBlock.value };
}

function names(cert: pkijs.Certificate, which: 'subject' | 'issuer', oid: string): StringValue[] {
  return cert[which].typesAndValues.filter((tv) => tv.type === oid).map((tv) => stringValue(tv.value));
}

/** The DER inside an extension's OCTET STRING. */
function extensionInner(cert: pkijs.Certificate, oid: string): asn1js.AsnType | null {
  const ext = cert.extensions?.find((e) => e.extnID === oid);
  return ext ? asn1js.fromBER(ext.extnValue.getValue()).result : null;
}

/** Every place in the certificate holding a valid USCC, as the product should find it. */
function usccPlaces(cert: pkijs.Certificate): Array<{ source: UsccSource | string; value: string }> {
  const places: Array<{ source: UsccSource | string; value: string }> = [];
  for (const [oid, source] of [
    [OID_GMT0015_2023_USCC, 'gmt0015-2023'],
    [OID_GMT0015_2012_ORG_CODE, 'gmt0015-2012-4.1.4'],
  ] as const) {
    const inner = extensionInner(cert, oid);
    if (inner) places.push({ source, value: stringValue(inner).text });
  }
  for (const tv of cert.subject.typesAndValues) {
    const { text } = stringValue(tv.value);
    if (!isValidUscc(text)) continue;
    const source = tv.type === OID.serialNumber ? 'subject-serialNumber' : tv.type === OID.OU ? 'subject-OU' : tv.type;
    places.push({ source, value: text });
  }
  return places;
}

async function opensslVerify(rootPath: string, certPath: string, extra: string[] = []) {
  return run('openssl', ['verify', '-CAfile', rootPath, ...extra, certPath]);
}

let manifest: TokenManifest;
let issued: IssuedTokenEntry[];

beforeAll(async () => {
  manifest = await ensureSnapshot();
  issued = manifest.tokens.filter((t): t is IssuedTokenEntry => t.kind === 'issued');
});

describe('token table', () => {
  it('has every USCC passing GB 32100, and the check itself rejects a typo', () => {
    const usccs = TOKEN_SPECS.flatMap((t) => (t.kind === 'issued' && t.uscc ? [t.uscc] : []));
    expect(usccs).toHaveLength(8); // JSCA-RSA-0001-NEW renews JSCA-RSA-0001: the same USCC again
    for (const u of usccs) expect(isValidUscc(u), u).toBe(true);
    expect(isValidUscc('91320594MA1MXK3R3D')).toBe(false);
    expect(isValidUscc('91320594MA1MXK3R4C')).toBe(false);
  });

  it('lists all ten tokens in the manifest with unique serials and token directories, installing the named-only ones when named', () => {
    expect(manifest.tokens.map((t) => t.label)).toEqual(TOKEN_SPECS.map((t) => t.label));
    expect(new Set(manifest.tokens.map((t) => t.serial)).size).toBe(10);
    expect(new Set(manifest.tokens.map((t) => t.tokenDirName)).size).toBe(10);
    expect(defaultTokenLabels(manifest)).toEqual(TOKEN_SPECS.flatMap((t) => (t.label === 'JSCA-RSA-0001-NEW' || t.label === 'SZCA-RSA-LOST' ? [] : [t.label])));
  });

  it('renew JSCA-RSA-0001 as a CA does: same subject and USCC, another key, issued and expiring later', () => {
    const [old, renewed] = [findIssuedToken(manifest, 'JSCA-RSA-0001'), findIssuedToken(manifest, 'JSCA-RSA-0001-NEW')];
    expect([renewed.subject, renewed.uscc, renewed.renews]).toEqual([old.subject, old.uscc, 'JSCA-RSA-0001']);
    expect(renewed.ckaIdHex).not.toBe(old.ckaIdHex);
    expect(Date.parse(renewed.notBefore)).toBeGreaterThan(Date.parse(old.notBefore));
    expect(Date.parse(renewed.notAfter)).toBeGreaterThan(Date.parse(old.notAfter));
  });
});

describe('roots', () => {
  it.each(['jiangsu-ca', 'suzhou-ca'] as const)('%s is a self-signed CA with UTF8String Chinese names', async (id) => {
    const root = manifest.roots[id];
    const der = pemToDer(await readFile(root.certPath, 'utf8'));
    const cert = parseCert(der);
    expect(createHash('sha256').update(der).digest('hex')).toBe(root.sha256);
    const org = id === 'jiangsu-ca' ? '江苏省电子商务服务中心有限责任公司' : '苏州市数字证书认证中心有限公司';
    expect(names(cert, 'subject', OID.O)).toEqual([{ tag: TAG_UTF8STRING, text: org }]);
    expect(names(cert, 'subject', OID.CN)[0]?.tag).toBe(TAG_UTF8STRING);
    expect(names(cert, 'subject', OID.C)).toEqual([{ tag: TAG_PRINTABLESTRING, text: 'CN' }]);

    const node = new NodeX509(der);
    expect(node.ca).toBe(true);
    expect(node.checkIssued(node)).toBe(true);
    expect(node.verify(node.publicKey)).toBe(true);
    const bc = cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
    const ku = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
    expect(bc?.critical).toBe(true);
    expect(ku?.critical).toBe(true);
    // keyCertSign (bit 5) and cRLSign (bit 6) only: BIT STRING 03 02 01 06.
    expect(Buffer.from(ku!.extnValue.getValue()).toString('hex')).toBe('03020106');
    const ski = extensionInner(cert, OID.ski) as asn1js.OctetString;
    expect(Buffer.from(ski.getValue()).toString('hex')).toBe(root.ckaIdHex);
  });
});

describe('end-entity certificates', () => {
  it('chain to their own root with openssl verify (all but the expired one)', async () => {
    for (const t of issued.filter((t) => !t.expired)) {
      const { stdout } = await opensslVerify(manifest.roots[t.profile].certPath, t.certPath);
      expect(stdout.trim(), t.label).toBe(`${t.certPath}: OK`);
    }
  });

  it('do not chain to the other CA root', async () => {
    const t = issued.find((x) => x.label === 'JSCA-RSA-0001')!;
    await expect(opensslVerify(manifest.roots['suzhou-ca'].certPath, t.certPath)).rejects.toThrow(
      /unable to get local issuer certificate/,
    );
  });

  it('fail verification for JSCA-RSA-EXPIRED with an expiry error, and only for that reason', async () => {
    const t = issued.find((x) => x.label === 'JSCA-RSA-EXPIRED')!;
    expect(t.expired).toBe(true);
    expect([t.notBefore, t.notAfter]).toEqual(['2022-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z']);
    const root = manifest.roots['jiangsu-ca'].certPath;
    const failure = await opensslVerify(root, t.certPath).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(CommandError);
    expect((failure as CommandError).stdout + (failure as CommandError).stderr).toMatch(
      /error 10 at 0 depth lookup: certificate has expired/,
    );
    // At a time inside its validity, the same chain is fine.
    const during = String(Date.parse('2023-06-01T00:00:00Z') / 1000);
    await expect(opensslVerify(root, t.certPath, ['-attime', during])).resolves.toBeTruthy();
  });

  it('have the enterprise name as O and CN (UTF8String) and the USCC exactly where the table says', async () => {
    for (const t of issued) {
      const der = pemToDer(await readFile(t.certPath, 'utf8'));
      const cert = parseCert(der);
      expect(createHash('sha256').update(der).digest('hex'), t.label).toBe(t.certSha256);
      expect(names(cert, 'subject', OID.O), t.label).toEqual([{ tag: TAG_UTF8STRING, text: t.enterpriseName }]);
      expect(names(cert, 'subject', OID.CN), t.label).toEqual([{ tag: TAG_UTF8STRING, text: t.enterpriseName }]);
      expect(names(cert, 'subject', OID.ST)[0]?.text).toBe('江苏省');
      expect(names(cert, 'subject', OID.L)[0]?.text).toBe('苏州市');
      const root = parseCert(pemToDer(await readFile(manifest.roots[t.profile].certPath, 'utf8')));
      expect(names(cert, 'issuer', OID.O)).toEqual(names(root, 'subject', OID.O));

      const expected = t.uscc ? [{ source: t.usccSource, value: t.uscc }] : [];
      expect(usccPlaces(cert), t.label).toEqual(expected);
    }
  });

  it('encode each USCC place as specified (extension string types, OU order)', async () => {
    const cert = async (label: string) =>
      parseCert(pemToDer(await readFile(issued.find((t) => t.label === label)!.certPath, 'utf8')));

    const rsa1 = await cert('JSCA-RSA-0001');
    expect(stringValue(extensionInner(rsa1, OID_GMT0015_2023_USCC))).toEqual({
      tag: TAG_UTF8STRING,
      text: '91320594MA1MXK3R3C',
    });
    const ec4 = await cert('SZCA-EC-0004');
    expect(stringValue(extensionInner(ec4, OID_GMT0015_2012_ORG_CODE))).toEqual({
      tag: TAG_PRINTABLESTRING,
      text: '91320594559218772M',
    });
    expect(names(await cert('JSCA-EC-0002'), 'subject', OID.serialNumber)).toEqual([
      { tag: TAG_PRINTABLESTRING, text: '913205940892347182' },
    ]);
    expect(names(await cert('SZCA-RSA-0003'), 'subject', OID.OU).map((v) => v.text)).toEqual([
      '财务部',
      '91320500MA27QF5NXE',
    ]);
    expect(names(await cert('JSCA-RSA-NOUSCC'), 'subject', OID.OU).map((v) => v.text)).toEqual(['技术部']);
  });

  it('have the end-entity extensions, matching keys and the promised validity', async () => {
    const now = Date.now();
    for (const t of issued) {
      const der = pemToDer(await readFile(t.certPath, 'utf8'));
      const cert = parseCert(der);
      const ku = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
      expect(ku?.critical, t.label).toBe(true);
      // digitalSignature (bit 0) + nonRepudiation (bit 1): BIT STRING 03 02 06 C0.
      expect(Buffer.from(ku!.extnValue.getValue()).toString('hex')).toBe('030206c0');
      const eku = extensionInner(cert, OID.extKeyUsage) as asn1js.Sequence;
      expect(eku.valueBlock.value.map((v) => (v as asn1js.ObjectIdentifier).valueBlock.toString())).toEqual([
        OID.clientAuth,
      ]);
      const ski = extensionInner(cert, OID.ski) as asn1js.OctetString;
      expect(Buffer.from(ski.getValue()).toString('hex')).toBe(t.ckaIdHex);
      const aki = extensionInner(cert, OID.aki) as asn1js.Sequence;
      const keyId = aki.valueBlock.value[0] as asn1js.Primitive;
      expect(Buffer.from(keyId.valueBlock.valueHexView).toString('hex')).toBe(manifest.roots[t.profile].ckaIdHex);

      const spki = Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER());
      const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
      if (t.keyType === 'RSA') {
        expect(key.asymmetricKeyType).toBe('rsa');
        expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
      } else {
        expect(key.asymmetricKeyType).toBe('ec');
        expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
      }

      // Where the CA answers about revocation (AIA: OCSP, CDP: CRL), on loopback (native/softhsm/revocation-service.ts).
      const aia = extensionInner(cert, OID.aia) as asn1js.Sequence;
      const ocsp = (aia.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[1] as asn1js.Primitive;
      expect(Buffer.from(ocsp.valueBlock.valueHexView).toString(), t.label).toBe(`http://127.0.0.1:${CA_PROFILES.find((p) => p.id === t.profile)!.ocspPort}/`);
      expect(Buffer.from(der).toString('latin1'), t.label).toContain(`http://127.0.0.1:47180/${t.profile}.crl`);

      if (!t.expired) {
        const notBefore = Date.parse(t.notBefore);
        expect(notBefore).toBeLessThan(now - 12 * 3600_000); // "from yesterday"
        expect(new Date(t.notAfter).getUTCFullYear() - new Date(t.notBefore).getUTCFullYear()).toBe(2);
        expect(Date.parse(t.notAfter)).toBeGreaterThan(now);
      }
    }
  });
});
