/**
 * What the routes of requests filed without an account share (online pre-registration, requests to the portal
 * staff): the per-address limits on submits and status look-ups, and a listed scan streamed to staff.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { FixedWindowLimiter } from '../http/rate-limit';
import type { Services } from '../services';

/**
 * Status look-ups per address and hour: the desk asks when it opens and while the status page is shown (about
 * twice a minute); a secret is 256 bits, so the limit is about load, not guessing.
 */
const VIEWS_PER_HOUR = 240;
const HOUR = 3600_000;

/** Submits and corrections share the anonymous submit budget (registration's setting); views their own. */
export function anonymousRequestLimits(services: Services) {
  const submits = new FixedWindowLimiter(services.config.anonymousLimits.submitsPerHour, HOUR);
  const views = new FixedWindowLimiter(VIEWS_PER_HOUR, HOUR);
  const hit = (limiter: FixedWindowLimiter, request: FastifyRequest) => {
    const wait = limiter.hit(request.ip, services.clock.now().getTime());
    if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  };
  return { submit: (request: FastifyRequest) => hit(submits, request), view: (request: FastifyRequest) => hit(views, request) };
}

/** A stored scan, inline, typed as stored and never sniffed. */
export async function sendScan(services: Services, reply: FastifyReply, file: { sha256: string; media_type: string; size: number }) {
  const stream = await services.files.open(file.sha256);
  if (!stream) throw new ApiError('NOT_FOUND');
  void reply
    .header('content-type', file.media_type)
    .header('content-length', String(file.size))
    .header('content-disposition', `inline; filename="${file.sha256}"`)
    .header('x-content-type-options', 'nosniff');
  return reply.send(stream);
}
