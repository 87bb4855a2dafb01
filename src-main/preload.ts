// Preload: exposes exactly `window.tongban`, built from the shared contract (one function per feature). No
// ipcRenderer, no Node, nothing else crosses the context bridge; main validates every call's sender and input.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ClientEvents } from '@shared/contract/client-api';
import { buildClientApi } from '@shared/contract/client-api-build';

const api = buildClientApi({
  invoke: (method, input) => ipcRenderer.invoke('tongban:invoke', method, input),
  subscribe(event, listener) {
    const handler = (_e: IpcRendererEvent, name: keyof ClientEvents, payload: unknown) => name === event && listener(payload);
    ipcRenderer.on('tongban:event', handler);
    return () => ipcRenderer.removeListener('tongban:event', handler);
  },
});

contextBridge.exposeInMainWorld('tongban', api);
