/**
 * The text-on-background pairs antd draws, checked on a theme's resolved tokens (antd's `theme.getDesignToken`):
 * each desk's theme test runs it, so a token change that breaks WCAG 2.1 AA contrast fails there, not in a clerk's
 * eyes. Backgrounds antd gives as rgba() are flattened onto white, as they are drawn.
 */
import { contrastRatio } from './contrast';

export const AA_TEXT = 4.5;
/** WCAG 2.1 1.4.11: focus rings and other non-text parts. */
export const AA_NON_TEXT = 3;

const PAIRS: readonly (readonly [what: string, fg: string, bg: string])[] = [
  ['hints and descriptions on white', 'colorTextDescription', 'colorBgContainer'],
  ['hints on a grey fill (bordered description labels)', 'colorTextTertiary', 'colorFillAlter'],
  ['placeholders on white', 'colorTextPlaceholder', 'colorBgContainer'],
  ['an empty table\'s 暂无数据 on white', 'colorTextDisabled', 'colorBgContainer'],
  ['links on white', 'colorLink', 'colorBgContainer'],
  ['hovered buttons and links on white', 'colorPrimaryHover', 'colorBgContainer'],
  ['white on a hovered primary button', 'colorTextLightSolid', 'colorPrimaryHover'],
  ['white on a pressed primary button', 'colorTextLightSolid', 'colorPrimaryActive'],
  ['error text on white', 'colorError', 'colorBgContainer'],
  ['error text in an error alert', 'colorError', 'colorErrorBg'],
  ['success tags', 'colorSuccess', 'colorSuccessBg'],
  ['warning tags', 'colorWarning', 'colorWarningBg'],
  ['info / processing tags', 'colorInfo', 'colorInfoBg'],
  ...['green', 'gold', 'orange', 'cyan', 'purple', 'red', 'blue', 'magenta', 'geekblue', 'volcano', 'lime'].map(
    (c) => [`preset ${c} tags`, `${c}-7`, `${c}-1`] as const,
  ),
  ...['green', 'gold', 'orange', 'cyan', 'purple', 'red', 'blue', 'magenta', 'geekblue', 'volcano', 'lime'].map(
    (c) => [`preset ${c} tags (runtime styles)`, `${c}7`, `${c}1`] as const,
  ),
];

export interface ContrastFinding {
  what: string;
  ratio: number;
}

export function contrastFindings(resolved: object): ContrastFinding[] {
  const tokens = resolved as Readonly<Record<string, unknown>>;
  const findings: ContrastFinding[] = [];
  for (const [what, fg, bg] of PAIRS) {
    const ratio = contrastRatio(flatten(String(tokens[fg])), flatten(String(tokens[bg])));
    if (ratio < AA_TEXT) findings.push({ what, ratio: Math.round(ratio * 100) / 100 });
  }
  const ring = contrastRatio(flatten(String(tokens.colorPrimaryBorder)), flatten(String(tokens.colorBgContainer)));
  if (ring < AA_NON_TEXT) findings.push({ what: 'the focus ring on white', ratio: Math.round(ring * 100) / 100 });
  return findings;
}

/** A colour as drawn on white: rgba() blended, #rrggbb unchanged. */
export function flatten(c: string): string {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(c.trim());
  if (!m) return c;
  const a = m[4] === undefined ? 1 : Number(m[4]);
  const mix = (v: string) => Math.round(Number(v) * a + 255 * (1 - a)).toString(16).padStart(2, '0');
  return `#${mix(m[1]!)}${mix(m[2]!)}${mix(m[3]!)}`;
}
