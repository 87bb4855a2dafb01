/**
 * Builds a complete snapshot (CAs, tokens, certificates, manifest) into an empty directory.
 *
 * Each token is provisioned in a token directory of its own, so all of them run in parallel without SoftHSM
 * processes sharing files, and the UUID directory SoftHSM creates is unambiguously that token's: it is then
 * moved into the snapshot's tokens/ and its name recorded in the manifest (needed to "unplug" one token).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { buildCsrDer, derToPem, pemToDer } from './csr.js';
import {
  MANIFEST_FILE,
  MANIFEST_VERSION,
  type EmptyTokenEntry,
  type IssuedTokenEntry,
  type RootEntry,
  type TokenEntry,
  type TokenManifest,
} from './manifest.js';
import { createRootCa, issueCertificate, type RootCa } from './pki.js';
import {
  CA_PROFILES,
  ROOT_OBJECT_LABEL,
  SIGNING_OBJECT_LABEL,
  SO_PIN,
  SOFTHSM_MODULE_PATH,
  TOKEN_SPECS,
  USER_PIN,
  endEntitySubject,
  revocationUrls,
  usccExtensionLines,
  type CaProfile,
  type CaProfileId,
  type IssuedTokenSpec,
  type TokenSpec,
} from './profiles.js';
import {
  generateKeyPair,
  initToken,
  readPublicKeyByLabel,
  readTokenSerial,
  renderSoftHsmConf,
  setKeyPairId,
  signOnToken,
  writeCertificate,
  type TokenContext,
} from './token-ops.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a provisioning step knows about a token beyond its identity (label, serial, directory, PINs). */
type Details<T extends TokenEntry> = Omit<T, 'label' | 'serial' | 'tokenDirName' | 'userPin' | 'soPin'>;

interface Layout {
  /** Where the snapshot is being built. */
  root: string;
  tokensDir: string;
  certsDir: string;
  /** Scratch space, deleted before the snapshot is published. */
  workDir: string;
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function subjectKeyId(cert: x509.X509Certificate): string {
  const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
  if (!ski) throw new Error(`certificate ${cert.subject} has no subjectKeyIdentifier`);
  return ski.keyId.toLowerCase();
}

/** AIA (OCSP) and CDP (CRL) pointing at the CA's loopback revocation services, as a real CA writes them. */
function revocationExtensionLines(profile: CaProfile): string[] {
  const urls = revocationUrls(profile);
  return [`authorityInfoAccess = OCSP;URI:${urls.ocsp}`, `crlDistributionPoints = URI:${urls.crl}`];
}

/** Valid from yesterday (so clock skew between test processes never matters) for two years. */
function defaultValidity(now: Date): { notBefore: Date; notAfter: Date } {
  const notBefore = new Date(Math.floor((now.getTime() - DAY_MS) / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 2);
  return { notBefore, notAfter };
}

function rootEntry(ca: RootCa, layout: Layout): RootEntry {
  const cert = new x509.X509Certificate(ca.certPem);
  return {
    profile: ca.profile.id,
    displayName: ca.profile.displayName,
    subject: cert.subject,
    certPath: path.relative(layout.root, ca.certPath),
    keyPath: path.relative(layout.root, ca.keyPath),
    sha256: sha256Hex(pemToDer(ca.certPem)),
    ckaIdHex: subjectKeyId(cert),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
  };
}

/** Key pair in the token, CSR signed in the token, certificate from the CA, both certificates onto the token. */
async function issueToToken(
  spec: IssuedTokenSpec,
  ctx: TokenContext,
  caPromise: Promise<RootCa>,
  layout: Layout,
  now: Date,
): Promise<Details<IssuedTokenEntry>> {
  await generateKeyPair(ctx, spec.keyType, spec.keyBits, SIGNING_OBJECT_LABEL);
  const spki = await readPublicKeyByLabel(ctx, SIGNING_OBJECT_LABEL);
  const csrDer = await buildCsrDer(spki, spec.label, spec.keyType, (tbs) =>
    signOnToken(ctx, SIGNING_OBJECT_LABEL, spec.keyType, tbs),
  );
  const csrPath = path.join(ctx.workDir, 'request.csr');
  await writeFile(csrPath, derToPem(csrDer, 'CERTIFICATE REQUEST'));

  const ca = await caPromise;
  // A renewal is issued after its predecessor and expires after it (what the server's renewal rule asks).
  const { notBefore, notAfter } = spec.validity ?? defaultValidity(spec.renews ? new Date(now.getTime() + 3600_000) : now);
  const certPath = path.join(layout.certsDir, `${spec.label}.pem`);
  const pem = await issueCertificate(
    ca,
    {
      csrPath,
      outPath: certPath,
      subject: endEntitySubject(spec),
      extraExtensionLines: [...usccExtensionLines(spec), ...revocationExtensionLines(ca.profile)],
      notBefore,
      notAfter,
    },
    ctx.workDir,
  );
  const cert = new x509.X509Certificate(pem);
  const rootCert = new x509.X509Certificate(ca.certPem);

  // CKA_ID = the certificate's subjectKeyIdentifier (SHA-1 of the public key), the usual convention, so
  // middleware can pair key and certificate either way.
  const ckaIdHex = subjectKeyId(cert);
  const rootCkaIdHex = subjectKeyId(rootCert);
  await setKeyPairId(ctx, SIGNING_OBJECT_LABEL, ckaIdHex);
  await writeCertificate(ctx, pemToDer(pem), ckaIdHex, SIGNING_OBJECT_LABEL);
  await writeCertificate(ctx, pemToDer(ca.certPem), rootCkaIdHex, ROOT_OBJECT_LABEL);

  return {
    kind: 'issued',
    profile: spec.profile,
    keyType: spec.keyType,
    keyBits: spec.keyBits,
    ckaIdHex,
    objectLabel: SIGNING_OBJECT_LABEL,
    certPath: path.relative(layout.root, certPath),
    certSha256: sha256Hex(pemToDer(pem)),
    certSerialHex: cert.serialNumber.toLowerCase(),
    subject: cert.subject,
    enterpriseName: spec.enterpriseName,
    uscc: spec.uscc,
    usccSource: spec.usccSource,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    expired: cert.notAfter.getTime() <= now.getTime(),
    rootCkaIdHex,
    ...(spec.renews ? { renews: spec.renews } : {}),
    ...(spec.renews || spec.namedOnly ? { namedOnly: true } : {}),
  };
}

async function provisionToken(
  spec: TokenSpec,
  cas: Map<CaProfileId, Promise<RootCa>>,
  layout: Layout,
  now: Date,
): Promise<TokenEntry> {
  const workDir = path.join(layout.workDir, spec.label);
  const store = path.join(workDir, 'store');
  const conf = path.join(workDir, 'softhsm2.conf');
  await mkdir(store, { recursive: true });
  await writeFile(conf, renderSoftHsmConf(store));
  await initToken(conf, spec.label, SO_PIN, USER_PIN);
  const ctx: TokenContext = { conf, label: spec.label, userPin: USER_PIN, workDir };

  let details: Details<IssuedTokenEntry> | Details<EmptyTokenEntry>;
  if (spec.kind === 'issued') {
    const ca = cas.get(spec.profile);
    if (!ca) throw new Error(`token ${spec.label}: unknown CA profile ${spec.profile}`);
    details = await issueToToken(spec, ctx, ca, layout, now);
  } else {
    details = { kind: 'empty', profile: null };
  }

  const serial = await readTokenSerial(conf, spec.label);
  const [tokenDirName, ...others] = await readdir(store);
  if (!tokenDirName || others.length > 0) throw new Error(`token ${spec.label}: expected one token directory`);
  await rename(path.join(store, tokenDirName), path.join(layout.tokensDir, tokenDirName));
  return { label: spec.label, serial, tokenDirName, userPin: USER_PIN, soPin: SO_PIN, ...details };
}

/**
 * Builds the snapshot in `root` (an empty directory) for eventual use at `finalRoot`, writes manifest.json
 * there and returns the manifest (paths relative to the snapshot).
 */
export async function buildSnapshot(
  root: string,
  finalRoot: string,
  toolingHash: string,
  log: (msg: string) => void,
): Promise<TokenManifest> {
  const layout: Layout = {
    root,
    tokensDir: path.join(root, 'tokens'),
    certsDir: path.join(root, 'certs'),
    workDir: path.join(root, 'work'),
  };
  await Promise.all([layout.tokensDir, layout.certsDir, layout.workDir].map((d) => mkdir(d, { recursive: true })));
  const now = new Date();

  // The snapshot's own softhsm2.conf must point where the tokens will be after the rename, not where they are now.
  const softhsmConf = path.join(root, 'softhsm2.conf');
  await writeFile(softhsmConf, renderSoftHsmConf(path.join(finalRoot, 'tokens')));

  // The CAs are created while the tokens generate their keys; each token waits for its CA only to be issued.
  const cas = new Map<CaProfileId, Promise<RootCa>>();
  for (const profile of CA_PROFILES) {
    cas.set(profile.id, createRootCa(profile, path.join(root, 'pki', profile.id), layout.workDir));
  }
  // Collect every outcome before throwing, so no CA or token is still writing into `root` when it is deleted.
  const settled = await Promise.allSettled([
    Promise.all(cas.values()),
    Promise.all(TOKEN_SPECS.map((spec) => provisionToken(spec, cas, layout, now))),
  ]);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  const rootCas = (settled[0] as PromiseFulfilledResult<RootCa[]>).value;
  const tokens = (settled[1] as PromiseFulfilledResult<TokenEntry[]>).value;
  for (const t of tokens) log(`  ${t.label.padEnd(18)} ${t.kind === 'issued' ? `${t.keyType} ${t.profile}` : 'empty'}`);

  await rm(layout.workDir, { recursive: true, force: true });

  const manifest: TokenManifest = {
    manifestVersion: MANIFEST_VERSION,
    toolingHash,
    buildId: randomUUID(),
    createdAt: now.toISOString(),
    modulePath: SOFTHSM_MODULE_PATH,
    softhsmConfPath: 'softhsm2.conf',
    tokensDir: 'tokens',
    roots: Object.fromEntries(rootCas.map((ca) => [ca.profile.id, rootEntry(ca, layout)])) as Record<
      CaProfileId,
      RootEntry
    >,
    tokens,
  };
  await writeFile(path.join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
