/**
 * The shared application-form generator, as the server uses it. The PDF is generated twice, on the desk and on the
 * server, and the signature check needs the same bytes both times: same payload → same bytes (no clock, no
 * randomness); the typed data is in the text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filingApplicationPdf } from '@shared/filing/application-pdf';
import { CJK_FONT_FILE } from '@shared/pdf';
import { filingPayload } from '../../tests/fixtures/filing';
import { testUscc } from '../../tests/fixtures/server/pki';

const font = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'assets', 'fonts', CJK_FONT_FILE)));

const samplePayload = () => filingPayload({ uscc: testUscc(7), name: '苏州测试建设有限公司' }, '0b6f4a52-2f3e-4c1a-9a57-6a1d2b3c4d5e', { idempotencyKey: '5a1d2b3c-4d5e-4f60-8a57-0b6f4a522f3e' });

describe('filingApplicationPdf', () => {
  it('gives the same bytes for the same payload, and different ones when a field changes', async () => {
    const a = await filingApplicationPdf(font, samplePayload());
    const b = await filingApplicationPdf(font, samplePayload());
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    const changed = samplePayload();
    changed.project.contractNumber = 'SG-2026-119';
    expect(Buffer.from(await filingApplicationPdf(font, changed)).equals(Buffer.from(a))).toBe(false);
  });

  it('prints what was typed, in Chinese, on one page (pdftotext)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'filing-pdf-'));
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, await filingApplicationPdf(font, samplePayload()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['小型建设工程开工备案申请表', '独墅湖厂区门卫室改建工程', '250,000.00', '框架结构', '2027年4月30日', '申请单位（签章）', '钱八']) {
      expect(text).toContain(s);
    }
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
  });
});
