// What the page needs from whatever carries it: API calls, file dialogs, the system
// viewer, printing. Two modules implement it — transport-desktop.ts over the
// preload's window.fazhi (Electron), transport-web.ts over fetch with the per-run
// token, a download link and <input type=file> (web mode) — and the one in use is
// chosen once, when this module loads. Nothing else in the renderer asks which.
import type { ApiResult } from '@shared/contract/define.ts';
import type { DesktopBridge, FileFilter, OpenedFile } from '@shared/platform.ts';
import { desktopTransport } from './transport-desktop.ts';
import { webTransport } from './transport-web.ts';

export type { FileFilter, OpenedFile };

export interface Transport {
  /** 'desktop' (Electron) or 'web' (the local HTTP bridge in a browser) */
  readonly kind: 'desktop' | 'web';
  /** one API call, `domain.verb` and its input; never throws (a failure is `{ ok: false }` with a Chinese message) */
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** saves bytes under a suggested name; false when the clerk cancelled */
  saveFile(suggestedName: string, base64: string, filters: FileFilter[]): Promise<boolean>;
  /** lets the clerk pick files; an empty list when cancelled */
  openFiles(filters: FileFilter[], multiple: boolean): Promise<OpenedFile[]>;
  /** shows a file (a scanned PDF …) in the system viewer, or a new browser tab */
  openWithSystem(name: string, base64: string): Promise<void>;
  /** prints the window (the print stylesheet shows only #print-host) */
  print(options: { landscape: boolean }): Promise<void>;
}

declare global {
  interface Window {
    fazhi?: DesktopBridge;
  }
}

export const transport: Transport = typeof window !== 'undefined' && window.fazhi ? desktopTransport(window.fazhi) : webTransport();
