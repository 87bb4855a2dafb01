import { describe, expect, it } from 'vitest';
import { pemToDer } from '../encoding/bytes';
import { CertificateParseError, parseCertificate } from './parse';
import * as pem from './test-certificates';
import { usccInText } from './uscc';

const parse = (p: string) => parseCertificate(pemToDer(p));

describe('parseCertificate', () => {
  it('decodes Chinese subject and issuer names (UTF8String)', () => {
    const c = parse(pem.a2023Pem);
    expect(c.subject.text).toBe('C=CN, ST=江苏省, L=苏州市, O=苏州星河智能科技有限公司, CN=苏州星河智能科技有限公司');
    expect(c.issuer.text).toBe('C=CN, O=江苏省电子商务服务中心有限责任公司, CN=江苏CA测试根证书 (TEST)');
    expect(c.enterpriseName).toBe('苏州星河智能科技有限公司');
  });

  it('decodes BMPString names', () => {
    const c = parse(pem.bmpPem);
    expect(c.enterpriseName).toBe('苏州双字节测试有限公司');
  });

  it('reads key type and size for RSA and EC keys', () => {
    expect(parse(pem.a2023Pem)).toMatchObject({ keyType: 'RSA', keyBits: 2048 });
    expect(parse(pem.serialPem)).toMatchObject({ keyType: 'EC', keyBits: 256, curve: '1.2.840.10045.3.1.7' });
  });

  it('reads key usage, CA flag and validity', () => {
    const ee = parse(pem.a2023Pem);
    expect(ee.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(ee.isCA).toBe(false);
    expect(ee.notAfter.getTime() - ee.notBefore.getTime()).toBe(730 * 24 * 3600 * 1000);
    const root = parse(pem.rootPem);
    expect(root.isCA).toBe(true);
    expect(root.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(parse(pem.serialPem).extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
  });

  it('keeps the issuer name bytes exactly as encoded, equal to the root subject', () => {
    const ee = parse(pem.a2023Pem);
    const root = parse(pem.rootPem);
    // The root's subject is the EE's issuer; CMS must copy these bytes rather than re-encode the name.
    expect(ee.issuer.text).toBe(root.subject.text);
    expect(ee.issuerDer.length).toBeGreaterThan(60);
  });

  it('throws a typed error on garbage', () => {
    expect(() => parseCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01]))).toThrow(CertificateParseError);
  });
});

describe('USCC in certificates (DESIGN.md order)', () => {
  it.each([
    ['a2023Pem', '91320594MA1MXK3R3C', 'gmt0015-2023'],
    // 4.1.4 holds a 9-character organisation code here, so the USCC comes from 4.1.3.
    ['org2012Pem', '913205940892347182', 'gmt0015-2012-4.1.3'],
    ['oid86Pem', '91320500MA27QF5NXE', 'cn86-7.4'],
    // Bare ASCII bytes in the extension instead of a DER string.
    ['rawPem', '91320594559218772M', 'gmt0015-2023'],
    // The extension's check digit is wrong: it must not be accepted; the valid OU further down is.
    ['badextPem', '91320594608114356L', 'subject-OU'],
    ['serialPem', '92320594MA7HK5T102', 'subject-serialNumber'],
    ['orgidPem', '91320594MA1P0LW291', 'subject-organizationIdentifier'],
    ['cnonlyPem', '91320594MA1MXK3R3C', 'subject-CN'],
    ['bmpPem', '91320594MA1MXK3R3C', 'subject-OU'],
  ] as const)('%s → %s from %s', (name, value, source) => {
    expect(parse(pem[name]).uscc).toEqual({ value, source });
  });

  it('finds none where there is none', () => {
    expect(parse(pem.nousccPem).uscc).toBeNull();
    expect(parse(pem.rootPem).uscc).toBeNull();
  });

  it('accepts codes inside labelled text only on character boundaries', () => {
    expect(usccInText('统一社会信用代码:91320594MA1MXK3R3C')).toBe('91320594MA1MXK3R3C');
    expect(usccInText('NTRCN-91320594MA1MXK3R3C')).toBe('91320594MA1MXK3R3C');
    expect(usccInText('X91320594MA1MXK3R3C')).toBeNull();
    expect(usccInText('91320594MA1MXK3R3D')).toBeNull();
  });
});
