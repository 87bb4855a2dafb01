/**
 * The portals Tongban serves (DESIGN.md decision 9: portals are data). One entry per portal: what the desktop
 * renders (names, login methods, ways in, service items, support contacts) and which flows a server configured
 * for it switches on (`TONGBAN_PORTAL`, src-server/flows.ts). Contacts are only those the portal's manuals give.
 * A third portal is a new id here, its entry, its flows' registrations in src-server/flows.ts and its texts.
 */
import { z } from 'zod';
import type { ServiceItem } from '../contract/http/route';

export const portalIdSchema = z.enum(['sip', 'beijing-sme']);
export type PortalId = z.infer<typeof portalIdSchema>;
export const PORTAL_IDS: readonly PortalId[] = portalIdSchema.options;

export interface PortalText {
  'zh-CN': string;
  en: string;
}

/** SIP's flows: what exists today (registration and its ways, sign-in variants, account care, the three items). */
const SIP_FLOWS = [
  'caRegistration',
  'caRenewal',
  'preRegistration',
  'counterRegistration',
  'elicence',
  'legacy',
  'passwordRecovery',
  'accountRequests',
  'subsidy',
  'disbursement',
  'constructionFiling',
] as const;

/** Beijing's (platform account, enterprise certification, unbinding): registered by routes/beijing (issue 16 items 2–5). */
const BEIJING_FLOWS = ['platformAccount', 'enterpriseCertification', 'unbinding'] as const;

/** Route groups a server registers only for the portals that have them (src-server/flows.ts). */
export const flowIdSchema = z.enum([...SIP_FLOWS, ...BEIJING_FLOWS]);
export type FlowId = z.infer<typeof flowIdSchema>;

/** How a clerk signs in on the portal's login page. */
export const loginMethodSchema = z.enum(['password', 'caKey', 'elicence', 'legacy', 'platformAccount']);
export type LoginMethod = z.infer<typeof loginMethodSchema>;

/** How an enterprise gets an account (manual 002's six ways for SIP; the platform account and certification for Beijing). */
export const wayInSchema = z.enum(['elicence', 'elicenceCard', 'jiangsuCa', 'suzhouCa', 'preRegistration', 'counter', 'platformAccount']);
export type WayIn = z.infer<typeof wayInSchema>;

export const supportContactSchema = z.object({
  kind: z.enum(['phone', 'email']),
  /** Whom the number or mailbox reaches, as the manual names it. */
  label: z.object({ 'zh-CN': z.string().min(1).max(60), en: z.string().min(1).max(80) }),
  value: z.string().min(3).max(80),
});
export type SupportContact = z.infer<typeof supportContactSchema>;

export interface PortalEntry {
  id: PortalId;
  name: PortalText;
  city: PortalText;
  /** Where the portal's Tongban server usually is; IT overrides it (seed settings, policy) and clerks in Settings. */
  serverUrl: string;
  /** The SMS signature a server of this portal uses unless TONGBAN_SMS_SIGN says otherwise; null: none known, set it. */
  smsSign: string | null;
  loginMethods: readonly LoginMethod[];
  waysIn: readonly WayIn[];
  /** The service items (事项) its accounts may hold. */
  items: readonly ServiceItem[];
  flows: readonly FlowId[];
  contacts: readonly SupportContact[];
}

const text = (zh: string, en: string): PortalText => ({ 'zh-CN': zh, en });

export const PORTALS: { readonly [P in PortalId]: PortalEntry & { id: P } } = {
  sip: {
    id: 'sip',
    name: text('苏州工业园区一网通办', 'Suzhou Industrial Park one-stop portal'),
    city: text('苏州', 'Suzhou'),
    serverUrl: 'https://one.sipac.gov.cn',
    smsSign: '【园区一网通办】',
    loginMethods: ['password', 'caKey', 'elicence', 'legacy'],
    waysIn: ['elicence', 'elicenceCard', 'jiangsuCa', 'suzhouCa', 'preRegistration', 'counter'],
    items: ['subsidy', 'disbursement', 'constructionFiling'],
    flows: SIP_FLOWS,
    // Manual 000 §五 and manual 001 (Q&A 3, 系统技术支持).
    contacts: [
      { kind: 'phone', label: text('一网通办客服', 'One-stop portal service line'), value: '0512-66680236' },
      { kind: 'phone', label: text('企服中心热线', 'Enterprise service centre hotline'), value: '67068000' },
      { kind: 'phone', label: text('企服平台技术支持', 'Enterprise hub technical support'), value: '400-8696-086' },
      { kind: 'email', label: text('技术支持邮箱', 'Technical support mailbox'), value: 'techsoft@sipac.gov.cn' },
      { kind: 'email', label: text('密码重置邮箱', 'Password reset mailbox'), value: '67068000@sipac.gov.cn' },
    ],
  },
  'beijing-sme': {
    id: 'beijing-sme',
    name: text('北京市中小企业公共服务平台', 'Beijing SME public service platform'),
    city: text('北京', 'Beijing'),
    serverUrl: 'https://www.smebj.cn',
    // Manual 004 names no SMS signature: a Beijing server must be given TONGBAN_SMS_SIGN.
    smsSign: null,
    loginMethods: ['platformAccount'],
    waysIn: ['platformAccount'],
    items: [],
    flows: BEIJING_FLOWS,
    // Manual 004: steps 3 and the Q&A.
    contacts: [
      { kind: 'phone', label: text('平台呼叫中心', 'Platform call centre'), value: '010-82176966' },
      { kind: 'phone', label: text('平台呼叫中心', 'Platform call centre'), value: '010-82176996' },
      { kind: 'phone', label: text('一证通技术咨询', 'Unified identity (一证通) technical help'), value: '010-58511090' },
      { kind: 'email', label: text('一证通运维邮箱', 'Unified identity (一证通) operations mailbox'), value: 'yztyunwei@bjca.org.cn' },
    ],
  },
};

export function portalEntry(id: PortalId): PortalEntry {
  return PORTALS[id];
}

export function portalHasFlow(id: PortalId, flow: FlowId): boolean {
  return PORTALS[id].flows.includes(flow);
}

/** What `GET /api/portal` answers: which portal a server is, for the desktop to compare with the clerk's choice. */
export const portalInfoSchema = z.object({
  id: portalIdSchema,
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  loginMethods: z.array(loginMethodSchema),
  items: z.array(z.string()),
  flows: z.array(flowIdSchema),
  contacts: z.array(supportContactSchema),
});
export type PortalInfo = z.infer<typeof portalInfoSchema>;

export function portalInfo(id: PortalId): PortalInfo {
  const p = PORTALS[id];
  return { id, name: { ...p.name }, loginMethods: [...p.loginMethods], items: [...p.items], flows: [...p.flows], contacts: p.contacts.map((c) => ({ ...c, label: { ...c.label } })) };
}
