// Preload: exposes exactly `window.tongban`, one function per feature, typed by the shared contract.
// No ipcRenderer, no Node, nothing else crosses the context bridge.
import { contextBridge, ipcRenderer } from 'electron';
import type { TongbanClientApi } from '@shared/contract/client-api';

const api: TongbanClientApi = {
  app: {
    info: () => ipcRenderer.invoke('tongban:app.info'),
  },
};

contextBridge.exposeInMainWorld('tongban', api);
