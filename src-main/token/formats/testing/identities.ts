/**
 * The certificates the format tests sign with, modelled on the two CAs Tongban targets: Chinese names throughout,
 * one CA writing them as UTF8String and one as BMPString, and the key usages real enterprise certificates carry.
 */
import type { TestCa, TestIdentity, TestPki } from './pki';

export const END_ENTITY = {
  /** As on the SoftHSM fixtures and many CA keys: both signing bits, and an EKU of clientAuth only. */
  signingWithClientAuth: [
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature, nonRepudiation',
    'extendedKeyUsage = clientAuth',
  ],
  /** A signature-only ("non-repudiation") certificate without EKU. */
  nonRepudiationOnly: ['basicConstraints = critical, CA:FALSE', 'keyUsage = critical, nonRepudiation'],
  /** An encryption certificate: must not be accepted for signatures, whatever openssl -purpose any says. */
  encipherOnly: ['basicConstraints = critical, CA:FALSE', 'keyUsage = critical, keyEncipherment'],
} as const;

export interface Identities {
  /** RSA root, names in UTF8String. */
  jiangsuRoot: TestCa;
  /** EC P-256 root, Chinese names in BMPString. */
  suzhouRoot: TestCa;
  /** RSA-2048 under jiangsuRoot; serial with the top bit set (INTEGER with a leading 00). */
  rsa: TestIdentity;
  /** EC P-256 under suzhouRoot (BMPString issuer and subject). */
  ec: TestIdentity;
  /** EC P-256, another key with another certificate under suzhouRoot. */
  ecOther: TestIdentity;
}

export async function createIdentities(pki: TestPki): Promise<Identities> {
  const [jiangsuRoot, suzhouRoot] = await Promise.all([
    pki.rootCa({
      keyType: 'RSA',
      subject: '/C=CN/O=江苏省电子商务服务中心有限责任公司/CN=江苏CA测试根证书 (TEST)',
      stringMask: 'utf8only',
    }),
    pki.rootCa({ keyType: 'EC', subject: '/C=CN/O=苏州市数字证书认证中心/CN=苏州CA测试根证书 (TEST)', stringMask: 'default' }),
  ]);
  const [rsa, ec, ecOther] = await Promise.all([
    pki.issue(jiangsuRoot, {
      keyType: 'RSA',
      subject: '/C=CN/ST=江苏省/L=苏州市/O=苏州星河智能科技有限公司/CN=苏州星河智能科技有限公司',
      extensions: END_ENTITY.signingWithClientAuth,
      serialHex: '8a1b2c3d4e5f60718293',
    }),
    pki.issue(suzhouRoot, {
      keyType: 'EC',
      subject: '/C=CN/O=苏州工业园区明德人力资源有限公司/CN=明德人力',
      extensions: END_ENTITY.nonRepudiationOnly,
      serialHex: '1234abcd',
      stringMask: 'default',
    }),
    pki.issue(suzhouRoot, {
      keyType: 'EC',
      subject: '/C=CN/O=苏州工业园区明德人力资源有限公司/CN=明德人力 2',
      extensions: END_ENTITY.nonRepudiationOnly,
      serialHex: '1234abce',
    }),
  ]);
  return { jiangsuRoot, suzhouRoot, rsa, ec, ecOther };
}
