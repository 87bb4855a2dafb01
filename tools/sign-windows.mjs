// electron-builder `win.signtoolOptions.sign` hook (electron-builder.yml; issue 19): signs the app, its .node
// modules, the uninstaller and the installers with signtool, the key never leaving its hardware. No key and no PIN
// are in the repository: the release machine's environment chooses the certificate.
//
//   TONGBAN_SIGN_CERT_SHA1   thumbprint of the code-signing certificate in the machine's store. An OV/EV certificate
//                            on a USB token (SafeNet eToken, Feitian…) shows there once the vendor's middleware is
//                            installed; signtool then finds its key through the vendor's CSP/KSP.
//   TONGBAN_SIGN_CERT_FILE   instead, the certificate (.cer, public part only) when the key is in an HSM reached through
//                            the vendor's KSP (Luna, nShield, YubiHSM, cloud HSM) — with TONGBAN_SIGN_CSP and
//                            TONGBAN_SIGN_KEY_CONTAINER naming the provider and the key.
//   TONGBAN_SIGN_CSP, TONGBAN_SIGN_KEY_CONTAINER  the provider and key container (SafeNet: "eToken Base Cryptographic
//                            Provider" and "[{{PIN}}]=<container>", the PIN taken from TONGBAN_SIGN_TOKEN_PIN so an
//                            unattended runner needs no PIN dialog).
//   TONGBAN_SIGN_TIMESTAMP_URL  RFC 3161 time-stamping (default the CA's; a signature must outlive the certificate).
//   TONGBAN_SIGN_REQUIRED=1  fail instead of leaving files unsigned (release builds; CI builds of pull requests
//                            run without a certificate and produce unsigned installers).
//   SIGNTOOL_PATH            signtool.exe, when it is not on PATH (Windows SDK: C:\Program Files (x86)\Windows Kits\10\bin\<ver>\x64).
// Azure Trusted Signing, where available, is electron-builder's `win.azureSignOptions` instead of this hook.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const DEFAULT_TIMESTAMP = 'http://timestamp.digicert.com';

/** signtool's arguments for one file, or null when no certificate is configured. */
export function signtoolArgs(file, env = process.env) {
  const sha1 = env.TONGBAN_SIGN_CERT_SHA1?.replace(/\s/g, '');
  const certFile = env.TONGBAN_SIGN_CERT_FILE;
  if (!sha1 && !certFile) return null;
  if (sha1 && !/^[0-9a-fA-F]{40}$/.test(sha1)) throw new Error('TONGBAN_SIGN_CERT_SHA1 is not a certificate thumbprint (40 hex digits)');
  const args = ['sign', '/fd', 'sha256', '/tr', env.TONGBAN_SIGN_TIMESTAMP_URL || DEFAULT_TIMESTAMP, '/td', 'sha256', '/d', '通办 Tongban'];
  if (sha1) args.push('/sha1', sha1);
  else args.push('/f', certFile);
  if (env.TONGBAN_SIGN_CSP) args.push('/csp', env.TONGBAN_SIGN_CSP);
  if (env.TONGBAN_SIGN_KEY_CONTAINER) {
    const container = env.TONGBAN_SIGN_KEY_CONTAINER.replace('{{PIN}}', env.TONGBAN_SIGN_TOKEN_PIN ?? '');
    args.push('/kc', container);
  }
  args.push(file);
  return args;
}

export default async function sign(configuration, env = process.env, run = execFileSync) {
  const file = configuration.path;
  const args = signtoolArgs(file, env);
  if (!args) {
    if (env.TONGBAN_SIGN_REQUIRED === '1') throw new Error('signing required but no certificate configured (TONGBAN_SIGN_CERT_SHA1 or TONGBAN_SIGN_CERT_FILE)');
    console.warn(`sign-windows: no certificate configured, ${path.win32.basename(file)} left unsigned`);
    return;
  }
  // Never print the arguments: /kc may carry the token's PIN.
  console.log(`sign-windows: signing ${path.win32.basename(file)}`);
  try {
    run(env.SIGNTOOL_PATH || 'signtool.exe', args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
  } catch (e) {
    const pin = env.TONGBAN_SIGN_TOKEN_PIN;
    const stderr = String(e.stderr ?? '');
    // No `cause`: signtool's own error carries its stderr, which may hold the PIN.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`signtool failed for ${path.win32.basename(file)}: ${pin ? stderr.split(pin).join('***') : stderr}`.trim());
  }
}
