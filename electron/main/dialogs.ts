// Save / open dialogs for the page. The page only hands over a suggested name
// and the bytes (or asks for files); choosing the path, writing and reading
// happen here in main. Everything from the page is checked: it is untrusted.
import { faultOf } from '../core/util/faults.ts';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { existsSync, mkdtempSync } from 'node:fs';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { DesktopBridge, FileFilter, OpenedFile } from '../shared/platform.ts';

export type FileDialogs = Pick<DesktopBridge, 'saveFile' | 'openFiles' | 'openWithSystem'>;

/** Largest file the page may open or save through the bridge. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface SaveDialogRequest {
  title: string;
  defaultPath: string;
  filters: FileFilter[];
}
export interface OpenDialogRequest {
  title: string;
  filters: FileFilter[];
  multiple: boolean;
}

/** What the dialogs need from the platform: Electron in the app, fakes in tests. */
export interface DialogPlatform {
  showSaveDialog: (request: SaveDialogRequest) => Promise<string | null>;
  showOpenDialog: (request: OpenDialogRequest) => Promise<string[]>;
  /** folder a save dialog starts in (Documents) */
  defaultDir: () => string;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  readFile: (path: string) => Promise<Uint8Array>;
  fileSize: (path: string) => Promise<number>;
  /** a new private folder (only this user can enter it) for a file handed to the system viewer */
  viewerDir: () => string;
  /** creates a new file, failing if anything (a planted symlink) is already at the path */
  writeNewFile?: (path: string, data: Uint8Array) => Promise<void>;
  /** opens a file with the program the system associates with it */
  openPath: (path: string) => Promise<void>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A bare file name: no folders, no characters Windows refuses. */
export function safeFileName(name: unknown): string {
  const base = typeof name === 'string' ? basename(name.replace(/\\/g, '/')) : '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- Windows refuses control characters in file names
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return cleaned || '未命名';
}

export function safeFilters(filters: unknown): FileFilter[] {
  if (!Array.isArray(filters)) return [];
  const out: FileFilter[] = [];
  for (const f of filters.slice(0, 10)) {
    if (!f || typeof f !== 'object') continue;
    const { name, extensions } = f as { name?: unknown; extensions?: unknown };
    if (typeof name !== 'string' || !Array.isArray(extensions)) continue;
    const exts = extensions.filter((e): e is string => typeof e === 'string' && /^(\*|[A-Za-z0-9]{1,10})$/.test(e)).slice(0, 10);
    if (exts.length) out.push({ name: name.slice(0, 40), extensions: exts });
  }
  return out;
}

export function createFileDialogs(platform: DialogPlatform): FileDialogs {
  return {
    async saveFile(suggestedName, base64, filters) {
      if (typeof base64 !== 'string' || base64.length > Math.ceil(MAX_FILE_BYTES / 3) * 4 || !BASE64.test(base64)) {
        throw new Error('保存失败：文件内容有误');
      }
      const path = await platform.showSaveDialog({
        title: '保存文件',
        defaultPath: join(platform.defaultDir(), safeFileName(suggestedName)),
        filters: safeFilters(filters),
      });
      if (!path) return { saved: false };
      try {
        await platform.writeFile(path, Buffer.from(base64, 'base64'));
      } catch (e) {
        // a full or write-protected U盘 is said plainly, not as the system's English
        const fault = faultOf(e);
        throw new Error(`保存失败：${fault ? fault.message.replace('数据未改动', '文件未保存') : e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      return { saved: true, path };
    },

    async openFiles(filters, multiple) {
      const paths = await platform.showOpenDialog({ title: '选择文件', filters: safeFilters(filters), multiple: multiple === true });
      const files: OpenedFile[] = [];
      for (const path of paths) {
        if ((await platform.fileSize(path)) > MAX_FILE_BYTES) {
          throw new Error(`文件太大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB）：${basename(path)}`);
        }
        files.push({ name: basename(path), base64: Buffer.from(await platform.readFile(path)).toString('base64') });
      }
      return files;
    },

    async openWithSystem(name, base64) {
      if (typeof base64 !== 'string' || base64.length > Math.ceil(MAX_FILE_BYTES / 3) * 4 || !BASE64.test(base64)) {
        throw new Error('打开失败：文件内容有误');
      }
      const file = safeFileName(name);
      // only documents and pictures go to the system viewer, never anything it would run
      if (!/\.(pdf|jpe?g|png|gif|webp|bmp)$/i.test(file)) throw new Error(`不能用系统程序打开这类文件：${file}`);
      const path = join(platform.viewerDir(), file);
      await (platform.writeNewFile ?? platform.writeFile)(path, Buffer.from(base64, 'base64'));
      await platform.openPath(path);
    },
  };
}

/** Writes beside, then renames: a pulled U盘 never leaves half a file under the real name. */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** A new file only: O_EXCL, so a symlink or file planted at the path is never followed or overwritten. */
export async function writeNewFile(path: string, data: Uint8Array): Promise<void> {
  await writeFile(path, data, { flag: 'wx', mode: 0o600 });
}

/**
 * Folders for the system viewer: one private folder per run (mkdtemp: a new
 * random name, mode 0700, never an existing one in a shared temp folder), and
 * in it a new folder per file opened.
 */
export function viewerFolders(tempRoot: string): () => string {
  let root: string | null = null;
  return () => {
    if (!root || !existsSync(root)) root = mkdtempSync(join(tempRoot, 'fazhi-ledger-view-'));
    return mkdtempSync(join(root, 'f-'));
  };
}

/** The Node file operations of the Electron platform. */
export const nodeFileOps: Pick<DialogPlatform, 'writeFile' | 'readFile' | 'fileSize' | 'writeNewFile'> = {
  writeFile: writeFileAtomic,
  writeNewFile,
  readFile: (path) => readFile(path),
  fileSize: async (path) => (await stat(path)).size,
};

/** The real dialogs, modal to our window when there is one. */
export function electronDialogPlatform(getWindow: () => BrowserWindow | null): DialogPlatform {
  const parent = () => {
    const win = getWindow();
    return win && !win.isDestroyed() ? win : null;
  };
  return {
    async showSaveDialog(request) {
      const options = { title: request.title, defaultPath: request.defaultPath, filters: request.filters, buttonLabel: '保存' };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async showOpenDialog(request) {
      const options = {
        title: request.title,
        filters: request.filters,
        buttonLabel: '打开',
        properties: request.multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
      };
      const win = parent();
      const result = win
        ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return result.canceled ? [] : result.filePaths;
    },
    defaultDir: () => app.getPath('documents'),
    viewerDir: (() => {
      let next: (() => string) | null = null;
      return () => (next ??= viewerFolders(app.getPath('temp')))();
    })(),
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(`没有能打开该文件的程序：${error}`);
    },
    ...nodeFileOps,
  };
}
