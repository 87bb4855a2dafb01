/**
 * Every group policy Tongban reads, once: the ADMX template (assets/policy/tongban.admx) declares exactly these,
 * the Windows reader (src-main/trust/machine-trust-windows.ts) reads exactly these, and policies.test.ts holds the
 * two to this list. Values live under HKLM\SOFTWARE\Policies\Tongban, and for `scope: 'both'` also under
 * HKCU\SOFTWARE\Policies\Tongban (the machine's value wins, as in every Windows product). Only policies whose
 * worst abuse is an inconvenience are per-user: drivers, the update feed and whether updates run decide what
 * native code runs, so only the machine decides them.
 */

import { PORTAL_IDS } from '../contract/delivery';

export type PolicyScope = 'machine' | 'both';

interface PolicyBase {
  /** The registry value name, also the ADMX policy name. Never rename one: deployed GPOs name it. */
  readonly name: string;
  readonly scope: PolicyScope;
  /** The ADMX category it is shown under. */
  readonly category: 'Connection' | 'Drivers' | 'Updates';
}

export type PolicyDefinition =
  | (PolicyBase & { readonly type: 'text' })
  | (PolicyBase & { readonly type: 'enum'; readonly values: readonly string[] })
  | (PolicyBase & { readonly type: 'flag' })
  | (PolicyBase & { readonly type: 'list' });

export const POLICIES = [
  { name: 'ServerUrl', type: 'text', scope: 'both', category: 'Connection' },
  { name: 'Portal', type: 'enum', values: PORTAL_IDS, scope: 'both', category: 'Connection' },
  { name: 'AllowServerChange', type: 'flag', scope: 'both', category: 'Connection' },
  { name: 'Language', type: 'enum', values: ['zh-CN', 'en'], scope: 'both', category: 'Connection' },
  { name: 'Pkcs11Modules', type: 'list', scope: 'machine', category: 'Drivers' },
  { name: 'DriverDirectories', type: 'list', scope: 'machine', category: 'Drivers' },
  { name: 'TrustSignedDrivers', type: 'flag', scope: 'machine', category: 'Drivers' },
  { name: 'UpdatesEnabled', type: 'flag', scope: 'machine', category: 'Updates' },
  { name: 'UpdateChannel', type: 'enum', values: ['stable', 'beta'], scope: 'machine', category: 'Updates' },
  { name: 'UpdateFeedUrl', type: 'text', scope: 'machine', category: 'Updates' },
] as const satisfies readonly PolicyDefinition[];

export type PolicyName = (typeof POLICIES)[number]['name'];

/** Raw values as read: text and enum as strings (checked later), flags as booleans, lists as string arrays. */
export type PolicyValues = Partial<Record<PolicyName, string | boolean | string[]>>;

export const POLICY_KEY = 'SOFTWARE\\Policies\\Tongban';

export function policyByName(name: string): PolicyDefinition | undefined {
  return (POLICIES as readonly PolicyDefinition[]).find((p) => p.name.toLowerCase() === name.toLowerCase());
}

/**
 * The values of one hive from `reg query <hive>\SOFTWARE\Policies\Tongban` output (REG_SZ, REG_EXPAND_SZ,
 * REG_MULTI_SZ printed joined by `\0`, REG_DWORD as 0x…). Names the list does not know are skipped; a value of the
 * wrong registry type for its policy too (a flag written as a string is not guessed at).
 */
export function parseRegQuery(output: string): PolicyValues {
  const out: PolicyValues = {};
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s+(\S+)\s+(REG_SZ|REG_EXPAND_SZ|REG_MULTI_SZ|REG_DWORD)\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, name = '', type, raw = ''] = m;
    const policy = policyByName(name);
    if (!policy) continue;
    if (policy.type === 'flag' && type === 'REG_DWORD') out[policy.name as PolicyName] = Number.parseInt(raw, 16) !== 0;
    else if (policy.type === 'list' && type === 'REG_MULTI_SZ') out[policy.name as PolicyName] = raw.split('\\0').map((s) => s.trim()).filter(Boolean);
    else if ((policy.type === 'text' || policy.type === 'enum') && (type === 'REG_SZ' || type === 'REG_EXPAND_SZ')) out[policy.name as PolicyName] = raw.trim();
  }
  return out;
}

/** The machine's values over the user's; a per-user value of a machine-only policy is dropped. */
export function mergePolicyHives(machine: PolicyValues, user: PolicyValues): PolicyValues {
  const out: PolicyValues = {};
  for (const p of POLICIES as readonly PolicyDefinition[]) {
    const name = p.name as PolicyName;
    const value = machine[name] ?? (p.scope === 'both' ? user[name] : undefined);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
