/**
 * Which portal server a desktop client may talk to: https, or plain http only on this machine's loopback (the
 * development server `npm start` runs). The rule lives here once: the Settings form checks it as the clerk types,
 * main checks what it is given (settings.update, IT's seed settings, the store of an older version) before any
 * request leaves, and CA-login origins (signing.ts) follow it. Over plain http on a network a password, a session
 * token and a signed form could be read or changed by anyone on the way.
 */
import { z } from 'zod';

/** Field-issue and error code: the URL is http to a host that is not loopback. */
export const SERVER_URL_RULE_CODES = ['SERVER_URL_NOT_HTTPS'] as const;

/** `localhost`, 127.0.0.0/8 and ::1 — the hostnames a URL parser gives for this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Whether a server URL may be used: https anywhere, http on loopback; anything else (or not a URL) no. */
export function serverUrlAllowed(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
}

/** The server URL as the settings store it; an http URL off loopback is the issue `SERVER_URL_NOT_HTTPS`. */
export const serverUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(512)
  .superRefine((value, ctx) => {
    if (!serverUrlAllowed(value)) ctx.addIssue({ code: 'custom', message: 'SERVER_URL_NOT_HTTPS', params: { code: 'SERVER_URL_NOT_HTTPS' }, input: value });
  });
