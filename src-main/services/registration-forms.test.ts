// The forms go through poppler (poppler-utils, installed by .ci/run) as a clerk's PDF reader would: text extracted
// through the font's ToUnicode map, the font embedded as a valid subset, four A4 pages, and PNGs to look at in
// test-results/forms/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationForm } from '@shared/contract/client-api';
import { PrintDocument } from '@shared/pdf';
import { formFontPath, loadFormFont } from './form-font';
import { preRegistrationRequirements } from '@shared/contract/http/pre-registration';
import { printableForms, registrationRequirements } from '@shared/contract/http/registration';
import { formsPrinted, renderRegistrationForms } from './registration-forms';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const pngDir = path.join(repoRoot, 'test-results', 'forms');

const form: RegistrationForm = {
  caProfile: 'jiangsu-ca',
  enterprise: {
    uscc: '91320594MA1MXK3R3C',
    name: '苏州通办示范科技有限公司',
    address: '江苏省苏州市苏州工业园区星湖街328号创意产业园5号楼A301室（苏州工业园区金鸡湖大道东段创新中心南侧）',
    legalRepresentative: '李堃',
  },
  administrator: { name: '王喆', idNumber: '11010519491231002X', mobile: '13912345678', email: 'wangzhe@example.com' },
};

function pdfTool(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

/** pdftotext output without the spaces and line breaks the layout puts inside table cells. */
function textOf(file: string): string {
  return pdfTool('pdftotext', ['-layout', file, '-']).replace(/\s+/g, '');
}

describe('registration forms PDF', () => {
  let font: Uint8Array;
  let dir: string;
  let file: string;
  let bytes: Uint8Array;

  beforeAll(async () => {
    font = await loadFormFont();
    bytes = await renderRegistrationForms(form, font);
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-forms-'));
    file = path.join(dir, 'forms.pdf');
    writeFileSync(file, bytes);
  });

  it('loads the subset font from assets/fonts, small enough to ship', async () => {
    expect(formFontPath).toBe(path.join(repoRoot, 'assets', 'fonts', 'NotoSansSC-Regular-subset.otf'));
    expect(font.byteLength).toBe(statSync(formFontPath).size);
    expect(font.byteLength).toBeLessThan(3 * 1024 * 1024);
    expect(await loadFormFont()).toBe(font);
  });

  it('has a glyph for every character of the form templates', async () => {
    const doc = await PrintDocument.create(font, { title: 'coverage' });
    const source = readFileSync(path.join(import.meta.dirname, 'registration-forms.ts'), 'utf8');
    const templateChars = [...new Set(source.match(/[\u0080-\u{10ffff}]/gu))].join('');
    expect(templateChars.length).toBeGreaterThan(300);
    expect(doc.missingCharacters(templateChars)).toEqual([]);
    expect(doc.missingCharacters(JSON.stringify(form))).toEqual([]);
  });

  it('prints the CA registration’s three forms prefilled, with Chinese text that extracts', () => {
    expect(pdfTool('pdfinfo', [file])).toMatch(/^Pages:\s+3$/m);
    expect(pdfTool('pdfinfo', [file])).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = textOf(file);
    for (const expected of [
      '企业注册登记表', '企业管理员备案表', '用户实名注册及使用协议',
      form.enterprise.name, form.enterprise.uscc, form.enterprise.legalRepresentative,
      '江苏省苏州市苏州工业园区', form.administrator.name, form.administrator.idNumber,
      form.administrator.mobile, 'wangzhe@example.com', '■江苏CA', '□苏州CA', '（盖章）', '日期：年月日',
      '第1页共3页', '第3页共3页',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints for each way exactly the forms its upload step asks for (issue 21 item 7)', async () => {
    const footer = { registrationTable: '企业注册登记表', adminFilingSheet: '企业管理员备案表', authorisationLetter: '授权委托书', agreement: '用户实名注册及使用协议' } as const;
    const ways = [
      ['ca', registrationRequirements],
      ['preRegistration', preRegistrationRequirements],
    ] as const;
    for (const [way, uploads] of ways) {
      const printed = formsPrinted(way);
      // Every printable form the upload step asks for is printed, and nothing else.
      expect(printed).toEqual(printableForms.filter((f) => (uploads as readonly string[]).includes(f)));
      const wayFile = path.join(dir, `${way}.pdf`);
      writeFileSync(wayFile, await renderRegistrationForms(form, font, way));
      expect(pdfTool('pdfinfo', [wayFile])).toMatch(new RegExp(`^Pages:\\s+${printed.length}$`, 'm'));
      // Each page is titled by its form: the pages, in order, are the list.
      const pages = printed.map((_, i) => pdfTool('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), wayFile, '-']).split('\n').filter(Boolean));
      printed.forEach((f, i) => expect(pages[i]!.slice(0, 3)).toContain(footer[f]));
    }
    // The manual's CA list (001 §2.2) has no authorisation letter: the key proves the enterprise.
    expect(formsPrinted('ca')).not.toContain('authorisationLetter');
    expect(textOf(path.join(dir, 'ca.pdf'))).not.toContain(`兹委托${form.administrator.name}`);
    expect(formsPrinted('preRegistration')).toContain('authorisationLetter');
    expect(textOf(path.join(dir, 'preRegistration.pdf'))).toContain(`兹委托${form.administrator.name}`);
  });

  it('embeds one font, as a subset with a ToUnicode map', () => {
    const rows = pdfTool('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(bytes.byteLength).toBeLessThan(300 * 1024);
  });

  it('renders without font errors; the pages are saved as PNGs in test-results/forms', () => {
    mkdirSync(pngDir, { recursive: true });
    for (const old of readdirSync(pngDir).filter((f) => f.startsWith('registration-forms-'))) rmSync(path.join(pngDir, old));
    const run = spawnSync('pdftoppm', ['-r', '80', '-png', file, path.join(pngDir, 'registration-forms')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    // A broken embedded font makes poppler say "Embedded font file may be invalid" and fall back to system fonts.
    expect(run.stderr).toBe('');
    const pngs = readdirSync(pngDir).filter((f) => /^registration-forms-\d\.png$/.test(f));
    expect(pngs.sort()).toEqual([1, 2, 3].map((n) => `registration-forms-${n}.png`));
  });

  it('fits the longest values the contract allows on one page per form', async () => {
    const longest: RegistrationForm = {
      caProfile: 'suzhou-ca',
      enterprise: {
        uscc: form.enterprise.uscc,
        name: '苏州'.repeat(50),
        address: '苏州工业园区星湖街328号创意产业园'.repeat(11).slice(0, 200),
        legalRepresentative: '欧阳'.repeat(25),
      },
      administrator: { name: '司马'.repeat(25), idNumber: form.administrator.idNumber, mobile: '+8613912345678', email: `${'a'.repeat(242)}@example.com` },
    };
    const longFile = path.join(dir, 'longest.pdf');
    writeFileSync(longFile, await renderRegistrationForms(longest, font));
    expect(pdfTool('pdfinfo', [longFile])).toMatch(/^Pages:\s+3$/m);
    const letter = path.join(dir, 'longest-letter.pdf');
    writeFileSync(letter, await renderRegistrationForms(longest, font, 'preRegistration'));
    expect(pdfTool('pdfinfo', [letter])).toMatch(/^Pages:\s+4$/m);
    const text = textOf(longFile);
    expect(text).toContain('□江苏CA');
    expect(text).toContain('■苏州CA');
    execFileSync('pdftoppm', ['-r', '60', '-png', longFile, path.join(pngDir, 'longest-values')]);
  });
});
