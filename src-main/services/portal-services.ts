/**
 * Portals as data on the desktop (issue 16 part 1): which portal this PC works with, the server URL of each, and
 * the switch. A portal is chosen only after its server said it is that portal (`GET /api/portal`): a clerk pointed
 * at the wrong server is told (PORTAL_MISMATCH) before typing a password into it. Switching signs out; each
 * portal's drafts stay its own (LocalStore.draftScope).
 */
import type { KnownPortal, Settings } from '@shared/contract/client-api';
import { portalRoute } from '@shared/contract/http/portal';
import { fail, ok, type Result } from '@shared/contract/result';
import { PORTAL_IDS, PORTALS, type PortalId, type PortalInfo } from '@shared/portals/catalogue';
import type { LocalStore } from './local-store';
import type { PortalClient } from './portal-client';

/** Local-store setting: the server URL the clerk (or IT's seed, once chosen) gave each portal. */
export const PORTAL_SERVERS = 'portalServers';

export interface PortalContext {
  settings(): Settings;
  store(): LocalStore;
  /** IT's seed (seed-settings.ts): its server URL belongs to its portal (SIP when it names none). */
  seed(): Partial<Settings>;
  /** A client for a server that is not the configured one yet. */
  clientFor(serverUrl: string): PortalClient;
  portal(): PortalClient;
  /** The portal or its server changed: sign out, a new portal client, that portal's drafts. */
  switched(): Promise<void>;
  /** Group policy decides the portal or the server (trust/managed-policy.ts): the clerk cannot switch. */
  managedByPolicy(): boolean;
}

export function knownPortals(ctx: Pick<PortalContext, 'settings' | 'store' | 'seed'>): { current: PortalId | null; portals: KnownPortal[] } {
  const settings = ctx.settings();
  const seed = ctx.seed();
  const saved = ctx.store().getSetting<Partial<Record<PortalId, string>>>(PORTAL_SERVERS) ?? {};
  const portals = PORTAL_IDS.map((id): KnownPortal => {
    const url = saved[id] ?? (id === settings.portal ? settings.serverUrl : undefined) ?? (id === (seed.portal ?? 'sip') ? seed.serverUrl : undefined);
    return url ? { id, serverUrl: url, configured: true } : { id, serverUrl: PORTALS[id].serverUrl, configured: false };
  });
  return { current: settings.portal, portals };
}

/** What a server says it is; an old server or another program has no `/api/portal`. */
async function askServer(client: PortalClient): Promise<Result<PortalInfo>> {
  const r = await client.call(portalRoute, { anonymous: true });
  if (!r.ok && (r.error.code === 'ROUTE_NOT_FOUND' || r.error.code === 'SERVER_ANSWER_UNREADABLE')) return fail('PORTAL_UNKNOWN_SERVER');
  return r;
}

export function portalHandlers(ctx: PortalContext) {
  return {
    'portals.known': async () => ok(knownPortals(ctx)),
    'portals.choose': async (i: { portal: PortalId; serverUrl: string }): Promise<Result<Settings>> => {
      if (ctx.managedByPolicy()) return fail('SETTING_MANAGED', false, { field: 'portal' });
      const answer = await askServer(ctx.clientFor(i.serverUrl));
      if (!answer.ok) return answer;
      if (answer.value.id !== i.portal) return fail('PORTAL_MISMATCH', false, { chosen: i.portal, server: answer.value.id });
      const store = ctx.store();
      const saved = store.getSetting<Partial<Record<PortalId, string>>>(PORTAL_SERVERS) ?? {};
      store.setSetting(PORTAL_SERVERS, { ...saved, [i.portal]: i.serverUrl });
      store.setSetting('portal', i.portal);
      store.setSetting('serverUrl', i.serverUrl);
      await ctx.switched();
      return ok(ctx.settings());
    },
    'portals.server': async (): Promise<Result<PortalInfo>> => {
      const answer = await askServer(ctx.portal());
      if (!answer.ok) return answer;
      const chosen = ctx.settings().portal;
      if (chosen && answer.value.id !== chosen) return fail('PORTAL_MISMATCH', false, { chosen, server: answer.value.id });
      return answer;
    },
  };
}
