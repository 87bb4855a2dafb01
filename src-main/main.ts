// Electron main process: a thin adapter. The services it hosts (token client, local store, API client) are
// plain modules shared with the browser-mode host, so they are tested without Electron. The window's options are
// written out here, literally, so Electronegativity (tools/electronegativity.test.ts) can read every one of them.
import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import type { Settings } from '@shared/contract/client-api';
import type { ClientServices } from './services/client-services';
import { createDesktopServices } from './services/compose';
import { forkUtilityService } from './token/electron-service';
import { machineTrustFor } from './trust/machine-trust';
import { appUpdates } from './update/updates';
import { APP_ENTRY, APP_SCHEME, CONTENT_SECURITY_POLICY, appResponse, isAppSender, isAppUrl, isPortalLink } from './security';

const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');

// app:// behaves like https for the page (its own origin, secure context, fetch), so file:// is never needed.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The driver dialog of Settings → 添加驱动: the renderer never names a path; main asks the clerk itself. */
async function pickDriver(): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow();
  const options = { properties: ['openFile' as const, 'dontAddToRecent' as const], filters: [{ name: 'PKCS#11', extensions: process.platform === 'win32' ? ['dll'] : ['so', 'dylib'] }] };
  const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

/** The services of window.tongban, with the token service in a utility process and the store in userData. */
function createServices(): ClientServices {
  const log = (message: string, fields?: Record<string, unknown>) => console.warn(message, fields ?? '');
  const trust = machineTrustFor();
  // NSIS installs update themselves through electron-updater; MSI installs are IT's (update/update-decision.ts).
  const updateStatus = appUpdates({ packaged: app.isPackaged, exePath: app.getPath('exe'), resourcesPath: process.resourcesPath, appPath: app.getAppPath(), trust, log });
  const desktop = createDesktopServices({
    shell: 'electron',
    storeFile: path.join(app.getPath('userData'), 'tongban.db'),
    logDir: path.join(app.getPath('userData'), 'logs'),
    spawn: forkUtilityService,
    env: { ...process.env, TONGBAN_APP_VERSION: app.getVersion() },
    resourcesPath: process.resourcesPath,
    log,
    trust,
    updateStatus,
    pickDriver,
  });
  app.on('will-quit', () => void desktop.close());
  return desktop.services;
}

function createWindow(services: ClientServices): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: '通办',
    show: false,
    webPreferences: {
      preload: path.join(app.getAppPath(), 'dist', 'main', 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK — reviewed: it exposes only window.tongban (preload.ts), no ipcRenderer
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open a link in a new window without the window-open handler's check.
      disableBlinkFeatures: 'Auxclick',
      // Chromium's PDF viewer, the only plugin Electron ships: the registration forms and the disbursement receipt
      // are previewed in iframes from blob: URLs (CSP frame-src blob:); without it Electron downloads the PDF
      // instead (electron/electron#25350). object-src 'none' still keeps <object>/<embed> out.
      plugins: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererRoot)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the configured portal's public pages open in the clerk's browser, never inside the app.
    void services.dispatch('settings.get', {}).then((r) => {
      const portals = r.ok ? [(r.value as Settings).serverUrl] : [];
      if (isPortalLink(url, portals)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK — checked by isPortalLink just above
    });
    return { action: 'deny' };
  });
  void win.loadURL(APP_ENTRY);
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The renderer's files, from the app's own folder only (security.ts refuses anything that leaves it).
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, rendererRoot, (fileUrl) => net.fetch(fileUrl)));
  const services = createServices();
  ipcMain.handle('tongban:invoke', (event, method: unknown, input: unknown) => {
    // Every IPC sender is validated: only our own renderer's main frame may call the client API.
    if (!isAppSender({ senderFrame: event.senderFrame, mainFrame: event.sender.mainFrame }, rendererRoot)) {
      return { ok: false, error: { code: 'IPC_FORBIDDEN', retriable: false } };
    }
    return services.dispatch(typeof method === 'string' ? method : '', input);
  });
  services.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('tongban:event', name, payload);
  });
  createWindow(services);
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow(services));
});

app.on('window-all-closed', () => app.quit());
