// Wires the desktop app: one instance, one window, one core, three IPC channels.
import { faultOf } from '../core/util/faults.ts';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore as realCreateCore, maybeDailyBackup, type Core, type CoreOptions } from '../core/index.ts';
import { DB_FILE_NAME, portableDataDir, programDir } from '../core/paths.ts';
import { AppError } from '../core/util/errors.ts';
import { createFileDialogs, electronDialogPlatform } from './dialogs.ts';
import { makeIsOwnSender, registerIpc } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.ts';
import { createMainWindow, focusWindow, hardenWebContents } from './window.ts';

export interface MainDeps {
  createCore: (options: CoreOptions) => Core;
  exists: (path: string) => boolean;
  /** the first start of a day keeps a backup */
  dailyBackup: (core: Core) => Promise<unknown>;
}

/** The built files, relative to this file (out/electron/main/app.js). */
export function appFiles(): { rendererDir: string; preloadPath: string } {
  return {
    rendererDir: fileURLToPath(new URL('../../renderer/', import.meta.url)),
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  };
}

/** Only one copy may hold the database; a second launch focuses the first. */
export function acquireSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}

/**
 * Where the ledger lives: `data/` beside the program when a `portable` marker
 * is there (U盘; Chromium's own files go there too), else userData.
 */
export function chooseDataDir(exists: (path: string) => boolean): { dataDir: string; portable: boolean } {
  const portable = portableDataDir(programDir(app.getPath('exe')), exists);
  if (portable) {
    app.setPath('userData', join(portable, 'profile'));
    return { dataDir: portable, portable: true };
  }
  return { dataDir: app.getPath('userData'), portable: false };
}

function iconPath(exists: (path: string) => boolean): string | undefined {
  const path = app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'resources', 'icon.png');
  return exists(path) ? path : undefined;
}

export function runMain(deps: MainDeps = { createCore: realCreateCore, exists: existsSync, dailyBackup: (core) => maybeDailyBackup(core.ctx) }): void {
  let win: BrowserWindow | null = null;
  let core: Core | null = null;

  if (!acquireSingleInstance(() => focusWindow(win))) return;

  // before ready: our scheme, sandbox for every renderer, the data folder
  protocol.registerSchemesAsPrivileged([{ ...APP_SCHEME_PRIVILEGES, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
  app.enableSandbox();
  const { dataDir } = chooseDataDir(deps.exists);

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  const start = (): void => {
    const dbPath = join(dataDir, DB_FILE_NAME);
    try {
      mkdirSync(dataDir, { recursive: true });
      core = deps.createCore({ dbPath, dataDir, mode: 'desktop' });
    } catch (e) {
      // a full disk, a read-only folder, a damaged file: said plainly (faultOf), never SQLite's English alone;
      // a newer program's ledger: the message already says what to do and names the backup
      const fault = faultOf(e);
      const tooNew = e instanceof AppError && e.code === 'db_too_new';
      dialog.showErrorBox(
        '法治台账无法启动',
        fault
          ? `无法打开数据库：${dbPath}\n${fault.message}`
          : `无法打开数据库：${dbPath}\n${e instanceof Error ? e.message : String(e)}${tooNew ? '' : '\n\n请确认该文件夹可以写入（U盘未设写保护、磁盘未满），且没有另一个法治台账正在使用它。'}`,
      );
      app.exit(1);
      return;
    }
    // the first start of a day keeps a backup, beside the window opening
    void deps.dailyBackup(core).catch((e: unknown) => console.error('daily backup failed:', e instanceof Error ? e.message : e));

    const files = appFiles();
    protocol.handle(APP_SCHEME, createAppProtocolHandler(files.rendererDir));
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

    win = createMainWindow({ preloadPath: files.preloadPath, iconPath: iconPath(deps.exists), devTools: !app.isPackaged });
    win.on('closed', () => {
      win = null;
    });
    const ownId = win.webContents.id;
    registerIpc(
      ipcMain,
      core,
      makeIsOwnSender(() => (win && !win.isDestroyed() ? ownId : null)),
      createFileDialogs(electronDialogPlatform(() => win)),
    );

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(() => {
          const options = {
            type: 'info' as const,
            title: '关于法治台账',
            message: `法治台账 ${app.getVersion()}`,
            detail: `乡镇法治工作台账与年度法治政府建设情况报告\n数据文件夹：${dataDir}`,
            buttons: ['确定'],
          };
          void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
        }),
      ),
    );

    void win.loadURL(APP_INDEX_URL);
  };

  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      console.error('[fazhi] start failed:', e);
      dialog.showErrorBox('法治台账无法启动', e instanceof Error ? e.message : String(e));
      core?.close();
      app.exit(1);
    });
}
