/**
 * `tongban-ca`: the CA key bridge for support staff and scripts. Talks to the same token service process as the
 * desktop client, so what it reports is what Tongban sees.
 *
 *   tongban-ca list [--json]
 *   tongban-ca sign --cert <USCC|fingerprint prefix> --in FILE --out FILE.p7s
 *   tongban-ca auth --cert <…> --origin URL --nonce STRING
 *   tongban-ca sign-pdf --cert <…> --in a.pdf --out b.pdf [--tsa URL] [--reason TEXT] [--name ENTERPRISE]
 *   tongban-ca diagnose [--json]
 *
 * Exit codes: 0 ok, 2 usage, 3 no token or certificate (also pulled out mid-operation), 4 PIN incorrect, 5 PIN
 * locked, 6 other token error (also a driver that hung past TONGBAN_TOKEN_TIMEOUT_MS or crashed).
 * Errors go to stderr as `CODE: message` (then `hint: …`, `driver: …` for a crash or hang, `unlock: …` for a
 * locked key whose CA's profile says where).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { AppError, Result } from '@shared/contract/result';
import { padesErrors, type PadesErrorCode } from '@shared/errors/pades';
import { tokenErrors, type TokenErrorCode } from '@shared/errors/token';
import type { Locale } from '@shared/i18n/messages';
import { TokenClient } from '../token-client';
import { readPin } from './pin';
import { renderCertificates, renderDiagnostics, unlockText } from './render';

export const EXIT = { ok: 0, usage: 2, noToken: 3, pinIncorrect: 4, pinLocked: 5, tokenError: 6 } as const;

const USAGE = `Usage:
  tongban-ca list [--json]
  tongban-ca sign --cert <USCC|SHA-256 prefix> --in FILE --out FILE.p7s
  tongban-ca auth --cert <USCC|SHA-256 prefix> --origin https://host[:port] --nonce STRING
  tongban-ca sign-pdf --cert <USCC|SHA-256 prefix> --in a.pdf --out b.pdf [--tsa URL] [--reason TEXT] [--name ENTERPRISE]
    PAdES signature (incremental, visible, lower right of the last page); B-T with --tsa or TONGBAN_TSA_URL.
  tongban-ca diagnose [--json]
The PIN comes from TONGBAN_PIN, else a hidden prompt, else one line of standard input.
Extra PKCS#11 libraries: TONGBAN_PKCS11_MODULES (joined by the OS path delimiter).
A call that takes longer than TONGBAN_TOKEN_TIMEOUT_MS (default 60000) fails as TIMEOUT.
`;

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export function exitCodeFor(code: string): number {
  switch (code) {
    case 'NO_TOKEN':
    case 'CERT_NOT_FOUND':
    case 'TOKEN_REMOVED':
    case 'MODULE_LOAD_FAILED':
      return EXIT.noToken;
    case 'PIN_INCORRECT':
    case 'PIN_FORMAT':
      return EXIT.pinIncorrect;
    case 'PIN_LOCKED':
      return EXIT.pinLocked;
    case 'BAD_REQUEST':
    case 'PDF_INVALID':
    case 'PDF_ENCRYPTED':
      return EXIT.usage;
    default:
      return EXIT.tokenError;
  }
}

function localeOf(env: NodeJS.ProcessEnv): Locale {
  const lang = env.TONGBAN_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

class UsageError extends Error {}

export async function runCli(io: CliIo): Promise<number> {
  const locale = localeOf(io.env);
  const [command, ...rest] = io.argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        json: { type: 'boolean' },
        cert: { type: 'string' },
        in: { type: 'string' },
        out: { type: 'string' },
        origin: { type: 'string' },
        nonce: { type: 'string' },
        tsa: { type: 'string' },
        reason: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    io.stderr.write(`USAGE: ${(e as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  if (!command || values.help || command === 'help') {
    (command ? io.stdout : io.stderr).write(USAGE);
    return command ? EXIT.ok : EXIT.usage;
  }

  const timeoutMs = Number(io.env.TONGBAN_TOKEN_TIMEOUT_MS);
  const client = new TokenClient({
    env: { ...io.env, TONGBAN_TOKEN_LOG: io.env.TONGBAN_TOKEN_LOG ?? 'silent' },
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
  });
  const fail = async (error: AppError) => {
    const entry = tokenErrors[error.code as TokenErrorCode] ?? padesErrors[error.code as PadesErrorCode];
    const tries = error.details?.triesLeft !== undefined ? ` (${locale === 'zh-CN' ? '剩余尝试次数' : 'tries left'}: ${error.details.triesLeft})` : '';
    io.stderr.write(`${error.code}: ${entry ? entry.message[locale] : error.code}${tries}\n`);
    if (entry?.hint) io.stderr.write(`hint: ${entry.hint[locale]}\n`);
    if (typeof error.details?.driver === 'string') io.stderr.write(`driver: ${error.details.driver}\n`);
    if (error.code === 'PIN_LOCKED' && typeof values.cert === 'string') {
      const unlock = await unlockFor(client, values.cert);
      if (unlock) io.stderr.write(`unlock: ${unlock}\n`);
    }
    return exitCodeFor(error.code);
  };
  const unlockFor = async (c: TokenClient, selector: string): Promise<string | null> => {
    const listed = await c.call('list', {});
    const wanted = selector.trim().toUpperCase();
    const cert = listed.ok ? listed.value.find((x) => x.uscc === wanted || x.fingerprint.startsWith(wanted.toLowerCase())) : undefined;
    return cert ? unlockText(cert.unlock, locale) : null;
  };
  const need = (name: string): string => {
    const v = values[name];
    if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
    return v;
  };
  const unwrap = <T>(r: Result<T>): T => {
    if (!r.ok) throw r.error;
    return r.value;
  };
  const enterpriseOf = async (selector: string): Promise<string> => {
    const certs = unwrap(await client.call('list', {}));
    const wanted = selector.trim().toUpperCase();
    const match = certs.find((c) => c.uscc === wanted) ?? certs.find((c) => c.fingerprint.startsWith(selector.trim().toLowerCase()));
    if (!match) throw { code: 'CERT_NOT_FOUND', retriable: false } satisfies AppError;
    return match.enterpriseName ?? match.subject;
  };
  const pin = () => readPin({ env: io.env, stdin: io.stdin, stderr: io.stderr, prompt: locale === 'zh-CN' ? '请输入 PIN 码：' : 'PIN: ' });

  try {
    switch (command) {
      case 'list': {
        const certs = unwrap(await client.call('list', {}));
        io.stdout.write(values.json ? `${JSON.stringify(certs, null, 2)}\n` : renderCertificates(certs, locale));
        return certs.length > 0 ? EXIT.ok : await fail({ code: 'NO_TOKEN', retriable: true });
      }
      case 'sign': {
        const cert = need('cert');
        const input = need('in');
        const output = need('out');
        const content = await readFile(input).catch(() => {
          throw new UsageError(`cannot read ${input}`);
        });
        const signed = unwrap(await client.call('signCms', { cert, content: content.toString('base64'), pin: await pin() }));
        await writeFile(output, Buffer.from(signed.cms, 'base64'));
        io.stderr.write(`${output} (${signed.fingerprint.slice(0, 16)}…)\n`);
        return EXIT.ok;
      }
      case 'sign-pdf': {
        const cert = need('cert');
        const input = need('in');
        const output = need('out');
        const pdf = await readFile(input).catch(() => {
          throw new UsageError(`cannot read ${input}`);
        });
        const str = (name: string) => (typeof values[name] === 'string' ? { [name]: values[name] as string } : {});
        // The seal shows the enterprise named in the certificate unless --name says otherwise.
        const signerName = typeof values.name === 'string' ? values.name : await enterpriseOf(cert);
        const signed = unwrap(
          await client.call('signPdf', {
            cert,
            pdf: pdf.toString('base64'),
            signerName,
            pin: await pin(),
            ...str('reason'),
            ...(typeof values.tsa === 'string' ? { tsaUrl: values.tsa } : {}),
          }),
        );
        await writeFile(output, Buffer.from(signed.pdf, 'base64'));
        io.stderr.write(`${output} (PAdES ${signed.level}, ${signed.certificateSha256.slice(0, 16)}…)\n`);
        return EXIT.ok;
      }
      case 'auth': {
        const token = unwrap(await client.call('authenticate', { cert: need('cert'), origin: need('origin'), nonce: need('nonce'), pin: await pin() }));
        io.stdout.write(`${JSON.stringify(token)}\n`);
        return EXIT.ok;
      }
      case 'diagnose': {
        const report = unwrap(await client.call('diagnose', {}));
        io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderDiagnostics(report, locale));
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`USAGE: ${e.message}\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof Error && e.message === 'USER_CANCELLED') return await fail({ code: 'USER_CANCELLED', retriable: true });
    if (e && typeof e === 'object' && 'code' in e && 'retriable' in e) return await fail(e as AppError);
    throw e;
  } finally {
    await client.stop();
  }
}

export async function main(): Promise<void> {
  process.exitCode = await runCli({ argv: process.argv.slice(2), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
}

// `node dist/token/tongban-ca.mjs …` runs it directly; bin/tongban-ca.mjs imports it and calls main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
