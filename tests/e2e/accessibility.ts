/**
 * Every screen the e2e suite saves is also checked with axe-core against WCAG 2.1 A and AA: a serious or critical
 * finding fails the test, with the rule, the elements and what to fix (walk-through item 16). Contrast is fixed in
 * the themes (src-shared/ui/palette.ts), not screen by screen, so a new screen starts accessible.
 *
 * `TONGBAN_AXE_COLLECT=<dir>` writes each screen's findings there instead of failing: how a whole-suite survey is
 * taken before a theme change.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // Frames are PDF previews in Chromium's viewer: nothing of ours to check, and injecting axe into the viewer left
  // the page unclickable afterwards. Legacy mode runs axe in the page itself: the default opens a blank page in the
  // same browser context to merge frame results, which hung in the phone's camera context and after a download.
  // `resultTypes: ['violations']`: only violations are read, and axe then skips computing selectors and details for
  // every passing node (its API doc, "Performance") — the bulk of a scan on a long antd page, ~110 times a run.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ iframes: false, runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ')),
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const findings = await axeFindings(page);
  const collect = process.env.TONGBAN_AXE_COLLECT;
  if (collect) {
    await mkdir(collect, { recursive: true });
    await writeFile(path.join(collect, `${screen}.json`), JSON.stringify(findings, null, 2));
    return;
  }
  if (findings.length === 0) return;
  const lines = findings.map((f) => `- ${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.join('\n    ')}\n    ${f.summary.replace(/\n/g, '\n    ')}`);
  throw new Error(`Screen "${screen}" has ${findings.length} serious/critical WCAG 2.1 AA finding(s):\n${lines.join('\n')}`);
}
