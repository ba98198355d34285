// A stand-in for the 'electron' module, so the desktop main process can be started
// under plain Node to time its start: it ends the process when the window is created.
// Used by bench/startup.ts through electron-hooks.mjs; never by the app.
import { writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const userData = process.env.FAZHI_BENCH_USERDATA ?? join(tmpdir(), 'fazhi-bench-desktop');
const noop = () => {};
const emitter = { on: noop, once: noop, removeListener: noop };

export const app = {
  ...emitter,
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  quit: noop,
  exit: (code) => process.exit(code),
  enableSandbox: noop,
  getPath: (name) => (name === 'exe' ? join(userData, 'fazhi.exe') : userData),
  setPath: noop,
  getAppPath: () => process.cwd(),
  getVersion: () => '0.0.0',
  whenReady: () => Promise.resolve(),
};

export class BrowserWindow {
  constructor() {
    // the window would now be created: the start is done
    writeSync(1, `window ${performance.now().toFixed(1)}\n`);
    process.exit(0);
  }
}

export const dialog = { showErrorBox: (t, m) => writeSync(2, `${t}: ${m}\n`), showMessageBox: async () => ({}) };
export const ipcMain = { handle: noop };
export const Menu = { setApplicationMenu: noop, buildFromTemplate: () => ({}) };
export const protocol = { registerSchemesAsPrivileged: noop, handle: noop };
export const session = { defaultSession: { setPermissionRequestHandler: noop } };
export const shell = { openPath: async () => '' };
export default { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell };
