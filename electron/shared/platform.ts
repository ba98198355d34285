// What the desktop shell offers the page beyond the API: the file dialogs.
// In Electron the preload exposes it as window.fazhi; in web mode the renderer
// implements the same shape with a download link and an <input type=file>.
import type { ApiResult } from './contract/define.ts';

export interface FileFilter {
  /** e.g. 数据包 */
  name: string;
  /** without dots, e.g. ['json'] */
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  /** base64 of the file's bytes */
  base64: string;
}

export interface DesktopBridge {
  /** one API call: `domain.verb` and its input */
  invoke: (method: string, input: unknown) => Promise<ApiResult<unknown>>;
  /** asks where to save; false when the clerk cancelled */
  saveFile: (suggestedName: string, base64: string, filters: FileFilter[]) => Promise<{ saved: boolean; path?: string }>;
  /** asks for files to open; an empty list when cancelled */
  openFiles: (filters: FileFilter[], multiple: boolean) => Promise<OpenedFile[]>;
  /** opens a file (a scanned PDF …) in the system's own viewer */
  openWithSystem: (name: string, base64: string) => Promise<void>;
  /** prints the window (webContents.print: the system print dialog); false when cancelled */
  print: (options: { landscape?: boolean }) => Promise<boolean>;
}

/** The IPC channel names, shared by main and preload. */
export const IPC_CHANNELS = {
  invoke: 'fazhi:invoke',
  saveFile: 'fazhi:save-file',
  openFiles: 'fazhi:open-files',
  openWithSystem: 'fazhi:open-with-system',
  print: 'fazhi:print',
} as const;
