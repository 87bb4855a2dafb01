/**
 * An SM2 test token for libp11sm2.so: an SM2 root CA and an SM2 enterprise certificate issued with `openssl`
 * (SM3 with the default distinguishing id 1234567812345678, GM/T 0009), the USCC in the GM/T 0015-2012 extension
 * 1.2.156.10260.4.1.3 behind an organisation code in 1.2.156.10260.4.1.4 (as older Chinese CA profiles carry both),
 * and the module's config file naming them. Each call builds a fresh token in `dir`: it takes ~100 ms.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { run } from '../softhsm/exec.js';
import { toOpensslSubject } from '../softhsm/pki.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SM2_MODULE_PATH = path.join(HERE, 'build', 'libp11sm2.so');
/** GM/T 0009 §5.2 / GM/T 0010: the signer id when none is agreed. */
export const SM2_DEFAULT_ID = '1234567812345678';
const DISTID = `distid:${SM2_DEFAULT_ID}`;

export interface Sm2Token {
  modulePath: string;
  /** Environment for a process that loads the module. */
  env: { P11_SM2_CONFIG: string };
  label: string;
  serial: string;
  pin: string;
  uscc: string;
  organizationCode: string;
  enterpriseName: string;
  ckaIdHex: string;
  certPath: string;
  certPem: string;
  /** The SM2 root; the server trusts it under `trust/<profile>/`. */
  profile: 'jiangsu-ca';
  rootPath: string;
  rootPem: string;
}

/** Builds libp11sm2.so with make (a no-op when it is current). */
export async function buildSm2Module(): Promise<string> {
  await promisify(execFile)('make', ['-s', '-C', HERE]);
  return SM2_MODULE_PATH;
}

const ROOT_SUBJECT = [
  ['C', 'CN'],
  ['O', '江苏省电子商务服务中心'],
  ['CN', '江苏CA SM2 测试根证书'],
] as const;

export async function createSm2Token(dir: string, label = 'JSCA-SM2-0005'): Promise<Sm2Token> {
  await mkdir(dir, { recursive: true });
  const modulePath = await buildSm2Module();
  const p = (name: string) => path.join(dir, name);
  const ext = p('ext.cnf');
  await writeFile(
    ext,
    [
      '[req]',
      'distinguished_name = dn',
      'string_mask = utf8only',
      'utf8 = yes',
      '[dn]',
      '[root]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      '[ee]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, nonRepudiation',
      'extendedKeyUsage = clientAuth',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid:always',
      `1.2.156.10260.4.1.4 = ASN1:PRINTABLESTRING:${ORGANIZATION_CODE}`,
      `1.2.156.10260.4.1.3 = ASN1:UTF8String:${USCC}`,
      '',
    ].join('\n'),
  );
  const sm2Key = (out: string) => run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', out]);
  await Promise.all([sm2Key(p('root.key')), sm2Key(p('ee.key'))]);
  await run('openssl', [
    'req', '-new', '-x509', '-utf8', '-key', p('root.key'), '-sm3', '-sigopt', DISTID,
    '-subj', toOpensslSubject(ROOT_SUBJECT), '-days', '3650', '-set_serial', '1',
    '-extensions', 'root', '-config', ext, '-out', p('root.pem'),
  ]);
  await run('openssl', [
    'req', '-new', '-utf8', '-key', p('ee.key'), '-sm3', '-sigopt', DISTID,
    '-subj', toOpensslSubject(SUBJECT), '-config', ext, '-out', p('ee.csr'),
  ]);
  await run('openssl', [
    'x509', '-req', '-in', p('ee.csr'), '-vfyopt', DISTID, '-CA', p('root.pem'), '-CAkey', p('root.key'),
    '-sm3', '-sigopt', DISTID, '-days', '730', '-set_serial', '0x5a17', '-extfile', ext, '-extensions', 'ee',
    '-out', p('ee.pem'),
  ]);
  const ski = (await run('openssl', ['x509', '-in', p('ee.pem'), '-noout', '-ext', 'subjectKeyIdentifier'])).stdout;
  const ckaIdHex = (ski.split('\n')[1] ?? '').replace(/[\s:]/g, '').toLowerCase();
  const token: Sm2Token = {
    modulePath,
    env: { P11_SM2_CONFIG: p('p11sm2.conf') },
    label,
    serial: 'SM2T00000005',
    pin: '12345678',
    uscc: USCC,
    organizationCode: ORGANIZATION_CODE,
    enterpriseName: ENTERPRISE,
    ckaIdHex,
    certPath: p('ee.pem'),
    certPem: await readFile(p('ee.pem'), 'utf8'),
    profile: 'jiangsu-ca',
    rootPath: p('root.pem'),
    rootPem: await readFile(p('root.pem'), 'utf8'),
  };
  await writeFile(
    token.env.P11_SM2_CONFIG,
    [
      '# libp11sm2.so token (native/p11-sm2/README.md); test data only',
      `label=${label}`,
      `serial=${token.serial}`,
      `pin=${token.pin}`,
      `id=${ckaIdHex}`,
      `cert=${token.certPath}`,
      `key=${p('ee.key')}`,
      '',
    ].join('\n'),
  );
  return token;
}

const USCC = '91320594MA1DM2T00E';
const ORGANIZATION_CODE = 'MA1DM2T00';
const ENTERPRISE = '苏州国密示范科技有限公司';
const SUBJECT = [
  ['C', 'CN'],
  ['ST', '江苏省'],
  ['L', '苏州市'],
  ['O', ENTERPRISE],
  ['CN', ENTERPRISE],
] as const;
