// Electron main process: a thin adapter. The services it hosts (token client, local store, API client) are
// plain modules shared with the browser-mode host, so they are tested without Electron.
import path from 'node:path';
import { BrowserWindow, app, ipcMain, session, shell } from 'electron';
import type { ClientServices } from './services/client-services';
import { createDesktopServices } from './services/compose';
import { forkUtilityService } from './token/electron-service';
import { CONTENT_SECURITY_POLICY, isAppSender, isAppUrl, secureWebPreferences } from './security';

const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');

/** The services of window.tongban, with the token service in a utility process and the store in userData. */
function createServices(): ClientServices {
  const desktop = createDesktopServices({
    shell: 'electron',
    storeFile: path.join(app.getPath('userData'), 'tongban.db'),
    logDir: path.join(app.getPath('userData'), 'logs'),
    spawn: forkUtilityService,
    env: { ...process.env, TONGBAN_APP_VERSION: app.getVersion() },
    resourcesPath: process.resourcesPath,
    log: (message, fields) => console.warn(message, fields ?? ''),
  });
  app.on('will-quit', () => void desktop.close());
  return desktop.services;
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: '通办',
    show: false,
    webPreferences: secureWebPreferences(path.join(app.getAppPath(), 'dist', 'main', 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererRoot)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the portals' public pages open in the user's browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadFile(path.join(rendererRoot, 'index.html'));
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
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('window-all-closed', () => app.quit());
