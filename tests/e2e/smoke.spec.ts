import { expect, saveScreen, test } from './fixtures';

test('the renderer opens in browser mode and renders Chinese text, not boxes', async ({ page, client }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(client.url);

  const welcome = page.getByTestId('welcome');
  await expect(welcome).toHaveText('欢迎使用通办');
  await expect(page.getByRole('heading', { name: '法人用户登录' })).toBeVisible();

  // Draw Han characters with the page's own font stack. Without a CJK font every one of them is the same
  // .notdef box, identical to a code point no font has; with one, each has its own glyph.
  const glyphs = await welcome.evaluate((el) => {
    const font = `48px ${getComputedStyle(el).fontFamily}`;
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d')!;
      ctx.font = font;
      ctx.fillText(text, 4, 52);
      return canvas.toDataURL();
    };
    return { tong: draw('通'), ban: draw('办'), missing: draw('\u{10FFFD}') };
  });
  expect(glyphs.tong).not.toBe(glyphs.ban);
  expect(glyphs.tong).not.toBe(glyphs.missing);
  expect(glyphs.ban).not.toBe(glyphs.missing);

  await saveScreen(page, 'smoke-home-zh');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(welcome).toHaveText('Welcome to Tongban');
  await saveScreen(page, 'smoke-home-en');
  expect(errors).toEqual([]);
});
