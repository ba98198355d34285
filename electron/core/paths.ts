// Where the ledger lives when no --db is given: the same folder Electron uses
// as userData for 法治台账, so the desktop app, web mode and the CLI share it.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const APP_DIR_NAME = '法治台账';
export const DB_FILE_NAME = 'ledger.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** --db FILE, else FAZHI_DB, else the app's own database. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.FAZHI_DB ?? join(defaultDataDir(env), DB_FILE_NAME);
}

/**
 * The demo ledger (示例台账) of `--demo` without `--db`: its own folder beside the
 * real one, so sample records never land in the clerk's ledger (nor its backups).
 */
export function demoDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDir(env), 'demo', 'demo-ledger.db');
}

/** The marker file that makes a copy portable (U盘): data then lives beside the program. */
export const PORTABLE_MARKER = 'portable';
export const PORTABLE_DATA_DIR_NAME = 'data';

/**
 * The folder the clerk sees the program in. An AppImage runs from a temporary
 * mount (APPIMAGE names the real file); electron-builder's Windows portable
 * build sets PORTABLE_EXECUTABLE_DIR.
 */
export function programDir(exePath: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PORTABLE_EXECUTABLE_DIR) return env.PORTABLE_EXECUTABLE_DIR;
  if (env.APPIMAGE) return dirname(env.APPIMAGE);
  return dirname(exePath);
}

/** `<exeDir>/data` when a `portable` marker file is beside the program, else null (use userData). */
export function portableDataDir(exeDir: string, exists: (path: string) => boolean): string | null {
  return exists(join(exeDir, PORTABLE_MARKER)) ? join(exeDir, PORTABLE_DATA_DIR_NAME) : null;
}
