import type { TokenCertificate } from '@shared/contract/token';

/** A plausible certificate for tests of screens' logic; override what the test is about. */
export function certificate(overrides: Partial<TokenCertificate> = {}): TokenCertificate {
  return {
    fingerprint: 'a'.repeat(64),
    tokenLabel: 'JSCA-0001',
    tokenSerial: '0001',
    tokenManufacturer: 'SoftHSM project',
    tokenModel: 'SoftHSM v2',
    modulePath: '/usr/lib/softhsm/libsofthsm2.so',
    profile: 'jiangsu-ca',
    subject: 'CN=苏州测试科技有限公司',
    issuer: 'CN=Jiangsu CA Test',
    notBefore: '2025-01-01T00:00:00.000Z',
    notAfter: '2028-01-01T00:00:00.000Z',
    validity: 'valid',
    keyType: 'RSA',
    keyBits: 2048,
    uscc: '91320594MA1MXXXX0X',
    usccSource: 'gmt0015-2023',
    enterpriseName: '苏州测试科技有限公司',
    pin: { countLow: false, finalTry: false, locked: false, pinPad: false, minLength: 4, maxLength: 16 },
    certificate: '',
    ...overrides,
  };
}
