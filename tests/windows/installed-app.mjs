// The installed Tongban, as IT deploys it, checked on the Windows runner (.github/workflows/windows.yml; issue 19):
// the login screen renders in Chinese, the server IT pre-seeded is the one in use, the token service loaded the
// PKCS#11 module the machine policy names (SoftHSM for Windows) and sees its token, and the app knows how it was
// installed (NSIS: updates itself unless unsigned; MSI: 由您的 IT 部门更新).
//
// Why not Playwright's `_electron.launch`: it drives main through `--inspect`, which the shipped binary refuses (the
// EnableNodeCliInspectArguments fuse is off, tools/after-pack.mjs), and testing a binary with that fuse back on
// would not test what clerks run. The renderer's Chromium debugging port is not a Node fuse, so the installed exe
// is started with it and Playwright attaches over CDP — to the same window a clerk sees.
//
//   node tests/windows/installed-app.mjs --exe "C:\Program Files\通办 Tongban\通办 Tongban.exe" --kind msi
//     --server https://portal.ci.example --portal beijing-sme --module C:\SoftHSM2\lib\softhsm2-x64.dll
//     --token tongban-ci --shot test-results\installed-msi.png
/* global window -- page.evaluate bodies run in the app's renderer */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: o } = parseArgs({ options: { exe: { type: 'string' }, kind: { type: 'string' }, server: { type: 'string' }, portal: { type: 'string' }, module: { type: 'string' }, token: { type: 'string' }, shot: { type: 'string' }, port: { type: 'string', default: '9333' } } });
for (const k of ['exe', 'kind', 'server', 'module', 'token', 'shot']) if (!o[k]) throw new Error(`--${k} is required`);

function check(ok, what, seen) {
  if (!ok) throw new Error(`${what}: ${JSON.stringify(seen, null, 2)}`);
  console.log(`ok  ${what}`);
}

const app = spawn(o.exe, [`--remote-debugging-port=${o.port}`], { stdio: 'inherit' });
let browser;
try {
  const started = Date.now();
  for (;;) {
    try {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${o.port}`);
      break;
    } catch (e) {
      if (Date.now() - started > 60_000) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const pages = () => browser.contexts().flatMap((c) => c.pages()).filter((p) => p.url().startsWith('app://tongban/'));
  while (pages().length === 0) await new Promise((r) => setTimeout(r, 500));
  const page = pages()[0];
  await page.getByText('法人用户登录').first().waitFor({ timeout: 60_000 });
  await page.screenshot({ path: o.shot });
  check(true, 'the login screen renders in Chinese (法人用户登录)');

  const settings = await page.evaluate(() => window.tongban.settings.get({}));
  check(settings.ok && settings.value.serverUrl === o.server, `the pre-seeded server ${o.server} is in use`, settings);
  const managed = await page.evaluate(() => window.tongban.settings.managed({}));
  if (o.portal) check(managed.ok && managed.value.portal === o.portal, `the pre-seeded portal ${o.portal}`, managed);
  // CI builds are unsigned: an NSIS install then knows it may not update itself; an MSI install is IT's.
  const expected = o.kind === 'msi' ? { mode: 'it' } : { mode: 'off', reason: 'unsigned' };
  check(managed.ok && JSON.stringify(managed.value.update) === JSON.stringify(expected), `a ${o.kind} install is updated as ${JSON.stringify(expected)}`, managed);

  const report = await page.evaluate(() => window.tongban.tokens.diagnose({}));
  const module = report.ok && report.value.modules.find((m) => m.path.toLowerCase() === o.module.toLowerCase());
  check(module && module.loaded, `the token service loaded ${o.module} (machine policy)`, report);
  check(report.value.slots.some((s) => s.token?.label === o.token), `and sees the token ${o.token}`, report.value.slots);
} finally {
  await browser?.close().catch(() => {});
  app.kill();
}
