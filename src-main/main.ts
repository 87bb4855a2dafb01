// Electron main process: a thin adapter. The services it hosts (token client, local store, API client) are
// plain modules shared with the browser-mode host, so they are tested without Electron.
import path from 'node:path';
import { BrowserWindow, app, ipcMain, session, shell } from 'electron';
import { appInfo } from './app-info';
import { CONTENT_SECURITY_POLICY, isAppUrl, secureWebPreferences } from './security';

const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');

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
  ipcMain.handle('tongban:app.info', (event) => {
    // Every IPC sender is validated: only our own renderer frame may call the client API.
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url, rendererRoot)) {
      return { ok: false, error: { code: 'IPC_FORBIDDEN', retriable: false } };
    }
    return { ok: true, value: appInfo('electron') };
  });
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('window-all-closed', () => app.quit());
