import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { POLICIES, POLICY_KEY, type PolicyDefinition } from '../src-shared/policy/policies';
import { windowsMachineTrust } from '../src-main/trust/machine-trust-windows';

const root = path.resolve(import.meta.dirname, '..');
const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

/** Parses strictly: any well-formedness error fails (xmldom otherwise recovers and carries on). */
function parse(file: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: (m) => problems.push(m), error: (m) => problems.push(m), fatalError: (m) => problems.push(m) } }).parseFromString(readFileSync(path.join(root, file), 'utf8'), 'text/xml');
  expect(problems, file).toEqual([]);
  expect(doc.documentElement?.namespaceURI, file).toBe(NS);
  return doc as unknown as Document;
}

const all = (node: Document | Element, tag: string) => Array.from(node.getElementsByTagNameNS(NS, tag));
const children = (node: Element) => Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);

const admx = parse('assets/policy/tongban.admx');
const adml = { 'zh-CN': parse('assets/policy/zh-CN/tongban.adml'), 'en-US': parse('assets/policy/en-US/tongban.adml') };
const declared = new Map(all(admx, 'policy').map((p) => [p.getAttribute('name')!, p]));
/** The registry type each ADMX element writes: what `reg query` then prints. */
const REG_TYPE = { text: 'REG_SZ', enum: 'REG_SZ', list: 'REG_MULTI_SZ', flag: 'REG_DWORD' } as const;

describe('group policy templates (assets/policy)', () => {
  it('declare exactly the policies of the list, each as the type, class and key the reader expects', () => {
    expect([...declared.keys()].sort()).toEqual(POLICIES.map((p) => p.name).sort());
    for (const policy of POLICIES as readonly PolicyDefinition[]) {
      const el = declared.get(policy.name)!;
      expect(el.getAttribute('key'), policy.name).toBe(POLICY_KEY.replace('SOFTWARE', 'Software'));
      expect(el.getAttribute('class'), policy.name).toBe(policy.scope === 'both' ? 'Both' : 'Machine');
      expect(all(el, 'parentCategory')[0]?.getAttribute('ref'), policy.name).toBe(policy.category);
      const elements = all(el, 'elements')[0];
      const element = elements ? children(elements)[0] : undefined;
      if (policy.type === 'flag') {
        expect(el.getAttribute('valueName')).toBe(policy.name);
        expect(all(all(el, 'enabledValue')[0]!, 'decimal')[0]?.getAttribute('value')).toBe('1');
        expect(all(all(el, 'disabledValue')[0]!, 'decimal')[0]?.getAttribute('value')).toBe('0');
        continue;
      }
      expect(element?.localName, policy.name).toBe({ text: 'text', enum: 'enum', list: 'multiText' }[policy.type]);
      expect(element?.getAttribute('valueName')).toBe(policy.name);
      if (policy.type === 'enum') expect(all(element!, 'string').map((s) => s.textContent)).toEqual([...policy.values]);
    }
  });

  it('have every string and presentation in both languages, presentations bound to their element', () => {
    const text = readFileSync(path.join(root, 'assets/policy/tongban.admx'), 'utf8');
    const strings = [...text.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]);
    const presentations = [...text.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1]);
    for (const [lang, doc] of Object.entries(adml)) {
      const defined = new Map(all(doc, 'string').map((s) => [s.getAttribute('id'), s.textContent ?? '']));
      for (const id of strings) expect(defined.get(id!)?.trim(), `${lang} string ${id}`).toBeTruthy();
      const shown = new Map(all(doc, 'presentation').map((p) => [p.getAttribute('id'), p]));
      for (const id of presentations) {
        const refs = children(shown.get(id!)!).map((c) => c.getAttribute('refId'));
        const ids = children(all(declared.get(id!)!, 'elements')[0]!).map((c) => c.getAttribute('id'));
        expect(refs, `${lang} presentation ${id}`).toEqual(ids);
      }
    }
    // The Chinese template is Chinese (a copy of the English one would pass the checks above).
    expect(all(adml['zh-CN'], 'string').find((s) => s.getAttribute('id') === 'ServerUrl')?.textContent).toBe('一网通办服务器地址');
  });

  it('are read by the Windows reader, every policy from the registry type the template writes', () => {
    const sample = { text: 'https://one.sipac.gov.cn', enum: '', list: 'C:\\Program Files\\A\\a.dll\\0C:\\Program Files\\B', flag: '0x1' };
    const lines = (POLICIES as readonly PolicyDefinition[]).map((p) => `    ${p.name}    ${REG_TYPE[p.type]}    ${p.type === 'enum' ? p.values[0] : sample[p.type]}`);
    const trust = windowsMachineTrust({
      env: { SystemRoot: 'C:\\Windows' },
      run: (_file, args) => {
        if (args[1] === `HKLM\\${POLICY_KEY}`) return `\r\nHKEY_LOCAL_MACHINE\\${POLICY_KEY}\r\n${lines.join('\r\n')}\r\n`;
        throw new Error('ERROR: The system was unable to find the specified registry key or value.');
      },
    });
    expect(Object.keys(trust.policy()).sort()).toEqual(POLICIES.map((p) => p.name).sort());
  });
});
