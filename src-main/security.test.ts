import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, CONTENT_SECURITY_POLICY, appFilePath, appResponse, isAppSender, isAppUrl, isPortalLink } from './security';

describe('Electron security checklist', () => {
  it('has a CSP that runs only the app’s own scripts and frames only in-memory PDFs', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe('blob:');
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'self'");
  });

  describe('app:// serves the app’s own folder and nothing else', () => {
    const root = '/opt/tongban/resources/app.asar/dist/renderer';
    it('maps the entry page and assets into the folder', () => {
      expect(APP_ENTRY).toBe('app://tongban/index.html');
      expect(appFilePath(APP_ENTRY, root, 'linux')).toBe(`${root}/index.html`);
      expect(appFilePath('app://tongban/', root, 'linux')).toBe(`${root}/index.html`);
      expect(appFilePath('app://tongban/assets/index-3f2a.js?v=1#x', root, 'linux')).toBe(`${root}/assets/index-3f2a.js`);
      expect(appFilePath('app://tongban/fonts/%E5%AE%8B%E4%BD%93.woff2', root, 'linux')).toBe(`${root}/fonts/宋体.woff2`);
    });

    it('refuses path traversal, however it is written', () => {
      for (const url of [
        'app://tongban/../../../etc/passwd',
        'app://tongban/%2e%2e/%2e%2e/secrets.txt',
        'app://tongban/assets/..%2F..%2F..%2Fetc%2Fpasswd',
        'app://tongban/..%5C..%5Cwindows%5Cwin.ini',
        'app://tongban/assets/%00.js',
        'app://tongban/C:/Windows/win.ini',
        'app://tongban/%2Fetc%2Fpasswd',
      ]) {
        const file = appFilePath(url, root, 'linux');
        expect(file === null || (file.startsWith(`${root}/`) && !file.includes('..')), `${url} → ${file}`).toBe(true);
      }
      expect(appFilePath('app://tongban/assets/..%2F..%2F..%2Fetc%2Fpasswd', root, 'linux')).toBeNull();
      expect(appFilePath('app://tongban/..%5C..%5Cwindows%5Cwin.ini', 'C:\\Tongban\\dist\\renderer', 'win32')).toBeNull();
      expect(appFilePath('app://tongban/C:/Windows/win.ini', 'C:\\Tongban\\dist\\renderer', 'win32')).toBeNull();
    });

    it('refuses other hosts, schemes and credentials', () => {
      for (const url of ['app://other/index.html', 'app://user:pw@tongban/index.html', `file://${root}/index.html`, 'https://tongban/index.html', 'not a url']) {
        expect(appFilePath(url, root, 'linux'), url).toBeNull();
      }
    });

    it('answers with the file and the CSP, and 404 for anything outside, reading real files', async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-app-'));
      try {
        const renderer = path.join(dir, 'dist', 'renderer');
        await mkdir(path.join(renderer, 'assets'), { recursive: true });
        await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>通办</title>');
        await writeFile(path.join(dir, 'secret.txt'), 'not for the page');
        const asked: string[] = [];
        const read = async (fileUrl: string) => {
          asked.push(fileURLToPath(fileUrl));
          return readFile(fileURLToPath(fileUrl)).then(
            (bytes) => new Response(bytes, { headers: { 'content-type': 'text/html' } }),
            () => new Response('missing', { status: 404 }),
          );
        };
        const page = await appResponse('app://tongban/index.html', renderer, read, 'linux');
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('通办');
        expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
        for (const url of ['app://tongban/../../secret.txt', 'app://tongban/%2e%2e/%2e%2e/secret.txt', 'app://tongban/..%2F..%2Fsecret.txt', 'app://evil/index.html']) {
          expect((await appResponse(url, renderer, read, 'linux')).status, url).toBe(404);
        }
        // The URL parser already folds `..` away; whatever was asked for stayed inside the renderer folder.
        expect(asked.every((f) => f.startsWith(`${renderer}${path.sep}`))).toBe(true);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('compares without case on Windows', () => {
      const winRoot = 'C:\\Program Files\\Tongban\\resources\\app.asar\\dist\\renderer';
      expect(appFilePath('app://tongban/assets/a.js', winRoot, 'win32')).toBe(`${winRoot}\\assets\\a.js`);
    });
  });

  describe('IPC sender check', () => {
    const root = '/opt/tongban/resources/app/dist/renderer';
    const fromMainFrame = (url: string) => {
      const mainFrame = { url };
      return { senderFrame: mainFrame, mainFrame };
    };

    it('answers the app’s own page in the main frame', () => {
      expect(isAppSender(fromMainFrame(APP_ENTRY), root, 'linux')).toBe(true);
      expect(isAppSender(fromMainFrame(APP_ENTRY), 'C:\\Tongban\\dist\\renderer', 'win32')).toBe(true);
    });

    it('refuses a sub-frame, even one showing an app file', () => {
      const mainFrame = { url: APP_ENTRY };
      expect(isAppSender({ senderFrame: { url: APP_ENTRY }, mainFrame }, root, 'linux')).toBe(false);
      expect(isAppSender({ senderFrame: { url: 'blob:app://tongban/5b1c-preview' }, mainFrame }, root, 'linux')).toBe(false);
    });

    it('refuses a frame that navigated away or is gone, devtools and every other origin', () => {
      for (const url of ['https://qyt.sipac.gov.cn/login', `file://${root}/index.html`, 'devtools://devtools/bundled/devtools_app.html', 'http://127.0.0.1:8787/console/', 'about:blank', '']) {
        expect(isAppSender(fromMainFrame(url), root, 'linux'), url).toBe(false);
      }
      expect(isAppSender({ senderFrame: null, mainFrame: { url: APP_ENTRY } }, root, 'linux')).toBe(false);
      expect(isAppUrl('app://tongban/index.html', root, 'linux')).toBe(true);
    });
  });

  it('opens outside only https links to the configured portals’ hosts', () => {
    const portals = ['https://one.sipac.gov.cn/', 'http://127.0.0.1:8787'];
    expect(isPortalLink('https://one.sipac.gov.cn/guide/subsidy.html', portals)).toBe(true);
    for (const url of ['http://one.sipac.gov.cn/guide', 'https://one.sipac.gov.cn.evil.example/', 'https://evil.example/?one.sipac.gov.cn', 'https://user@one.sipac.gov.cn/', 'file:///C:/Windows/System32/calc.exe', 'ms-msdt:/id PCWDiagnostic', 'http://127.0.0.1:8787/console/', 'nonsense']) {
      expect(isPortalLink(url, portals), url).toBe(false);
    }
  });
});
