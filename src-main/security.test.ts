import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppSender, isAppUrl, secureWebPreferences } from './security';

describe('Electron security checklist', () => {
  it('gives every window an isolated, sandboxed renderer without Node', () => {
    expect(secureWebPreferences('/app/dist/main/preload.cjs')).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('has a CSP that runs only the app’s own scripts and frames only in-memory PDFs', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe('blob:');
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'self'");
  });

  it('lets a window show only the app’s own pages', () => {
    const root = '/opt/tongban/resources/app/dist/renderer';
    expect(isAppUrl(`file://${root}/index.html`, root)).toBe(true);
    expect(isAppUrl(`file://${root}/../../secrets.txt`, root)).toBe(false);
    expect(isAppUrl(`file://${root}-old/index.html`, root)).toBe(false);
    expect(isAppUrl('https://qyt.sipac.gov.cn/', root)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:8787/console/', root)).toBe(false);
    expect(isAppUrl('not a url', root)).toBe(false);
  });

  it('recognises the app’s pages on Windows, where file URLs and paths are written differently', () => {
    const root = 'C:\\Program Files\\Tongban\\resources\\app.asar\\dist\\renderer';
    expect(isAppUrl('file:///C:/Program%20Files/Tongban/resources/app.asar/dist/renderer/index.html', root, 'win32')).toBe(true);
    expect(isAppUrl('file:///c:/program%20files/tongban/resources/app.asar/dist/renderer/index.html', root, 'win32')).toBe(true);
    expect(isAppUrl('file:///C:/Program%20Files/Tongban/resources/app.asar/dist/renderer-old/index.html', root, 'win32')).toBe(false);
    expect(isAppUrl('file:///D:/dist/renderer/index.html', root, 'win32')).toBe(false);
    expect(isAppUrl('file://attacker/share/index.html', root, 'win32')).toBe(false);
  });

  describe('IPC sender check', () => {
    const posixRoot = '/opt/tongban/resources/app/dist/renderer';
    const winRoot = 'C:\\Program Files\\Tongban\\resources\\app.asar\\dist\\renderer';
    const winPage = 'file:///C:/Program%20Files/Tongban/resources/app.asar/dist/renderer/index.html';
    /** A window whose main frame shows `url`; the call comes from that main frame. */
    const fromMainFrame = (url: string) => {
      const mainFrame = { url };
      return { senderFrame: mainFrame, mainFrame };
    };

    it('answers the app’s own page in the main frame, on Windows and elsewhere', () => {
      expect(isAppSender(fromMainFrame(`file://${posixRoot}/index.html`), posixRoot, 'linux')).toBe(true);
      expect(isAppSender(fromMainFrame(winPage), winRoot, 'win32')).toBe(true);
    });

    it('refuses a sub-frame, even one showing an app file', () => {
      const mainFrame = { url: winPage };
      expect(isAppSender({ senderFrame: { url: winPage }, mainFrame }, winRoot, 'win32')).toBe(false);
      expect(isAppSender({ senderFrame: { url: 'blob:file:///5b1c-preview' }, mainFrame }, winRoot, 'win32')).toBe(false);
    });

    it('refuses a frame that navigated away or is gone', () => {
      expect(isAppSender(fromMainFrame('https://qyt.sipac.gov.cn/login'), posixRoot, 'linux')).toBe(false);
      expect(isAppSender(fromMainFrame(`file://${posixRoot}/../../../evil.html`), posixRoot, 'linux')).toBe(false);
      expect(isAppSender({ senderFrame: null, mainFrame: { url: `file://${posixRoot}/index.html` } }, posixRoot, 'linux')).toBe(false);
      expect(isAppSender({ senderFrame: undefined, mainFrame: undefined }, posixRoot, 'linux')).toBe(false);
    });

    it('refuses devtools and every other origin', () => {
      for (const url of ['devtools://devtools/bundled/devtools_app.html', 'http://127.0.0.1:8787/console/', 'chrome-extension://abc/index.html', 'about:blank', '']) {
        expect(isAppSender(fromMainFrame(url), posixRoot, 'linux'), url).toBe(false);
        expect(isAppSender(fromMainFrame(url), winRoot, 'win32'), url).toBe(false);
      }
      // A Windows file URL on a posix build (and the reverse) is not the app's page.
      expect(isAppSender(fromMainFrame(winPage), posixRoot, 'linux')).toBe(false);
    });
  });
});
