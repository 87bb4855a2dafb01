// The token service inside the desktop app: an Electron utility process running the same bundle that browser
// mode and the CLI fork with Node (dist/token/token-service.mjs). Kept to this adapter so everything else is
// tested without Electron.
import path from 'node:path';
import { app, utilityProcess } from 'electron';
import type { TokenServiceMessage } from '@shared/contract/token';
import type { SpawnService } from './token-client';

export const forkUtilityService: SpawnService = (env) => {
  const child = utilityProcess.fork(path.join(app.getAppPath(), 'dist', 'token', 'token-service.mjs'), [], {
    env,
    serviceName: 'Tongban CA key service',
    stdio: 'pipe',
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: TokenServiceMessage) => listener(message)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
};
