import { describe, expect, it } from 'vitest';
import { serviceItemSchema } from '../contract/http/route';
import { serverUrlAllowed } from '../contract/server-url';
import { flowIdSchema, PORTAL_IDS, PORTALS, portalInfo, portalInfoSchema } from './catalogue';

describe('the portal catalogue', () => {
  it('gives each flow to exactly one portal, so a server of one portal never registers another portal\'s routes', () => {
    for (const flow of flowIdSchema.options) {
      expect(PORTAL_IDS.filter((id) => PORTALS[id].flows.includes(flow)), flow).toHaveLength(1);
    }
  });

  it('describes SIP as it is today: every service item of the contract, its SMS signature, the manuals\' contacts', () => {
    expect([...PORTALS.sip.items].sort()).toEqual([...serviceItemSchema.options].sort());
    expect(PORTALS.sip.smsSign).toBe('【园区一网通办】');
    expect(PORTALS.sip.contacts.map((c) => c.value)).toContain('0512-66680236');
    expect(PORTALS['beijing-sme'].items).toEqual([]);
    expect(PORTALS['beijing-sme'].contacts.map((c) => c.value)).toEqual(['010-82176966', '010-82176996', '010-58511090', 'yztyunwei@bjca.org.cn']);
  });

  it('has an https server URL, well-formed contacts and a valid /api/portal answer for every portal', () => {
    for (const id of PORTAL_IDS) {
      const p = PORTALS[id];
      expect(p.id).toBe(id);
      expect(p.serverUrl.startsWith('https://') && serverUrlAllowed(p.serverUrl)).toBe(true);
      for (const c of p.contacts) expect(c.value).toMatch(c.kind === 'email' ? /^[\w.-]+@[\w.-]+\.[a-z]{2,}$/ : /^[\d-]{8,13}$/);
      expect(portalInfoSchema.parse(portalInfo(id))).toEqual(portalInfo(id));
    }
  });
});
