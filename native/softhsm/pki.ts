/**
 * The test CAs, driven through the openssl CLI so certificates come from an independent, well-known encoder
 * (Tongban's own parser is what the tests are for). `openssl ca` rather than `openssl x509 -req` because only
 * `ca` sets explicit start and end dates in OpenSSL 3.0, which the expired certificate and the
 * "valid from yesterday" rule need.
 *
 * Each `openssl ca` run gets its own scratch directory holding its CA database, so issuances for the same CA
 * can run in parallel. The CA key is a software key on disk: it is a test CA.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from './exec.js';
import type { CaProfile } from './profiles.js';

export interface RootCa {
  profile: CaProfile;
  certPath: string;
  keyPath: string;
  certPem: string;
}

/** `openssl -subj` syntax: /TYPE=value/..., with the separators escaped inside values. */
export function toOpensslSubject(rdns: ReadonlyArray<readonly [string, string]>): string {
  return rdns.map(([type, value]) => `/${type}=${value.replace(/[\\/+]/g, (c) => `\\${c}`)}`).join('');
}

/** YYYYMMDDHHMMSSZ, which `openssl ca` turns into UTCTime (before 2050) as RFC 5280 requires. */
function opensslDate(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}

/**
 * An `openssl ca` configuration. Paths are relative because openssl runs with the scratch directory as cwd
 * (a `$` in an absolute path would be taken as a config variable). utf8 + utf8only make every DirectoryString
 * a UTF8String; C and serialNumber stay PrintableString as X.520 fixes them.
 */
function caConfig(extensionLines: readonly string[]): string {
  return [
    '[ ca ]',
    'default_ca = test_ca',
    '[ test_ca ]',
    'database = ./index.txt',
    'new_certs_dir = .',
    'rand_serial = yes',
    'default_md = sha256',
    'policy = policy_any',
    'unique_subject = no',
    'email_in_dn = no',
    'copy_extensions = none',
    'string_mask = utf8only',
    'utf8 = yes',
    '[ policy_any ]',
    'commonName = supplied',
    '[ req ]',
    'distinguished_name = req_dn',
    'string_mask = utf8only',
    'utf8 = yes',
    '[ req_dn ]',
    '[ cert_ext ]',
    ...extensionLines,
    '',
  ].join('\n');
}

const ROOT_EXTENSIONS = [
  'basicConstraints = critical, CA:TRUE',
  'keyUsage = critical, keyCertSign, cRLSign',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid:always',
];

/** Extensions of every end-entity certificate; the USCC extension, if any, is appended. */
export const END_ENTITY_EXTENSIONS = [
  'basicConstraints = critical, CA:FALSE',
  'keyUsage = critical, digitalSignature, nonRepudiation',
  'extendedKeyUsage = clientAuth',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid:always',
];

interface CaRun {
  extensionLines: readonly string[];
  subject: ReadonlyArray<readonly [string, string]>;
  notBefore: Date;
  notAfter: Date;
  csrPath: string;
  outPath: string;
  /** The signing key and certificate; for a self-signed root only the key. */
  keyPath: string;
  certPath: string | null;
}

async function runOpensslCa(scratchParent: string, r: CaRun): Promise<void> {
  const work = await mkdtemp(path.join(scratchParent, 'ca-'));
  try {
    await writeFile(path.join(work, 'index.txt'), '');
    await writeFile(path.join(work, 'ca.cnf'), caConfig(r.extensionLines));
    const signer = r.certPath ? ['-cert', r.certPath] : ['-selfsign'];
    await run(
      'openssl',
      [
        'ca', '-batch', '-config', 'ca.cnf', '-notext', '-utf8', '-preserveDN',
        ...signer, '-keyfile', r.keyPath,
        '-in', r.csrPath, '-out', r.outPath,
        '-subj', toOpensslSubject(r.subject),
        '-startdate', opensslDate(r.notBefore), '-enddate', opensslDate(r.notAfter),
        '-extensions', 'cert_ext',
      ],
      { cwd: work },
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Creates `<dir>/root.key` and the self-signed `<dir>/root.pem`. */
export async function createRootCa(profile: CaProfile, dir: string, scratchParent: string): Promise<RootCa> {
  await mkdir(dir, { recursive: true });
  const keyPath = path.join(dir, 'root.key');
  const certPath = path.join(dir, 'root.pem');
  const csrPath = path.join(dir, 'root.csr');
  await run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath]);
  // The request only proves possession of the key; -subj on `openssl ca` sets the real subject.
  const conf = path.join(dir, 'req.cnf');
  await writeFile(conf, caConfig([]));
  await run('openssl', ['req', '-new', '-config', conf, '-key', keyPath, '-subj', '/CN=root', '-out', csrPath]);
  await runOpensslCa(scratchParent, {
    extensionLines: ROOT_EXTENSIONS,
    subject: profile.rootSubject,
    notBefore: profile.rootNotBefore,
    notAfter: profile.rootNotAfter,
    csrPath,
    outPath: certPath,
    keyPath,
    certPath: null,
  });
  await Promise.all([rm(csrPath), rm(conf)]);
  return { profile, certPath, keyPath, certPem: await readFile(certPath, 'utf8') };
}

export interface IssueRequest {
  csrPath: string;
  outPath: string;
  subject: ReadonlyArray<readonly [string, string]>;
  extraExtensionLines: readonly string[];
  notBefore: Date;
  notAfter: Date;
}

/** Issues an end-entity certificate for a CSR; returns the PEM. */
export async function issueCertificate(ca: RootCa, req: IssueRequest, scratchParent: string): Promise<string> {
  await runOpensslCa(scratchParent, {
    extensionLines: [...END_ENTITY_EXTENSIONS, ...req.extraExtensionLines],
    subject: req.subject,
    notBefore: req.notBefore,
    notAfter: req.notAfter,
    csrPath: req.csrPath,
    outPath: req.outPath,
    keyPath: ca.keyPath,
    certPath: ca.certPath,
  });
  return readFile(req.outPath, 'utf8');
}
