/**
 * The check every saved screen goes through (accessibility.ts) must still find what it is there to find: a scan that
 * silently found nothing would pass every screen.
 */
import { expect, test } from '@playwright/test';
import { axeFindings } from './accessibility';

test('the screen check reports serious WCAG findings and passes a clean page', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="zh-CN"><head><title>检查</title></head><body><main>
    <h1>补贴申请</h1>
    <p style="color:#bbbbbb;background:#ffffff">浅灰色的文字在白色背景上看不清</p>
    <input type="text">
  </main></body></html>`);
  const rules = (await axeFindings(page)).map((f) => f.rule).sort();
  expect(rules).toEqual(['color-contrast', 'label']);

  await page.setContent(`<!doctype html><html lang="zh-CN"><head><title>检查</title></head><body><main>
    <h1>补贴申请</h1><p style="color:#222222;background:#ffffff">清楚的文字</p>
    <label>企业名称 <input type="text"></label>
  </main></body></html>`);
  expect(await axeFindings(page)).toEqual([]);
});
