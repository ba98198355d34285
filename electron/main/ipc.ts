// The page reaches main through a few channels only (API, file dialogs, print); every call is checked to
// come from our own window's top frame showing our own page.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../shared/contract/define.ts';
import { IPC_CHANNELS } from '../shared/platform.ts';
import type { FileDialogs } from './dialogs.ts';
import { isAppUrl } from './protocol.ts';

/** What the sender check needs from an IPC event (a subset of IpcMainInvokeEvent). */
export interface SenderInfo {
  sender: { id: number; mainFrame?: unknown };
  senderFrame: { url: string; readonly parent?: unknown } | null;
}

export type SenderCheck = (event: SenderInfo) => boolean;

/** Our window's webContents, its top frame (not an iframe), and a fazhi://app URL. */
export function makeIsOwnSender(getWebContentsId: () => number | null): SenderCheck {
  return (event) => {
    const id = getWebContentsId();
    if (id === null || event.sender.id !== id) return false;
    const frame = event.senderFrame;
    if (!frame) return false;
    // WebFrameMain.parent is null for the top frame; without it, compare with the main frame
    const top = 'parent' in frame ? frame.parent === null : event.sender.mainFrame === undefined || frame === event.sender.mainFrame;
    if (!top) return false;
    return isAppUrl(frame.url);
  };
}

/** What printing needs of webContents (a subset of Electron's WebContents). */
interface PrintingContents {
  print: (options: { silent: boolean; printBackground: boolean; landscape: boolean; pageSize: string }, callback: (success: boolean) => void) => void;
}

export const REFUSED_MESSAGE = '拒绝访问：请求不是来自法治台账自己的页面';

export interface DispatchingCore {
  dispatch: (method: string, input: unknown) => Promise<ApiResult<unknown>>;
}

export function registerIpc(ipcMain: IpcMain, core: DispatchingCore, isOwnSender: SenderCheck, dialogs: FileDialogs): void {
  ipcMain.handle(IPC_CHANNELS.invoke, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isOwnSender(event)) return { ok: false, error: { code: 'unauthorized', message: REFUSED_MESSAGE } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown_method', message: '没有这个功能' } };
    return core.dispatch(method, input);
  });
  ipcMain.handle(IPC_CHANNELS.saveFile, async (event: IpcMainInvokeEvent, suggestedName: unknown, base64: unknown, filters: unknown) => {
    if (!isOwnSender(event)) throw new Error(REFUSED_MESSAGE);
    return dialogs.saveFile(suggestedName as string, base64 as string, filters as never);
  });
  ipcMain.handle(IPC_CHANNELS.openFiles, async (event: IpcMainInvokeEvent, filters: unknown, multiple: unknown) => {
    if (!isOwnSender(event)) throw new Error(REFUSED_MESSAGE);
    return dialogs.openFiles(filters as never, multiple === true);
  });
  ipcMain.handle(IPC_CHANNELS.openWithSystem, async (event: IpcMainInvokeEvent, name: unknown, base64: unknown) => {
    if (!isOwnSender(event)) throw new Error(REFUSED_MESSAGE);
    return dialogs.openWithSystem(name as string, base64 as string);
  });
  ipcMain.handle(IPC_CHANNELS.print, async (event: IpcMainInvokeEvent, options: unknown) => {
    if (!isOwnSender(event)) throw new Error(REFUSED_MESSAGE);
    const landscape = typeof options === 'object' && options !== null && (options as { landscape?: unknown }).landscape === true;
    // the system print dialog, on A4; the page's print stylesheet decides what is printed
    return new Promise<boolean>((resolve) => {
      (event.sender as unknown as PrintingContents).print({ silent: false, printBackground: true, landscape, pageSize: 'A4' }, (success) => resolve(success));
    });
  });
}
