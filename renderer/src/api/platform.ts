// File dialogs for components: the Electron save/open dialogs in the desktop app, a
// download and a file picker in web mode — whichever transport.ts chose at startup.
import type { OpenedFile } from '@shared/platform.ts';
import { bytesToBase64 } from './base64.ts';
import { transport, type FileFilter } from './transport.ts';

export type { FileFilter, OpenedFile };
export { base64ToBytes, bytesToBase64, textToBase64 } from './base64.ts';

/** Saves bytes under a suggested name; resolves false when the clerk cancelled. */
export const saveFile = (suggestedName: string, base64: string, filters: FileFilter[]): Promise<boolean> => transport.saveFile(suggestedName, base64, filters);

/** Lets the clerk pick files; an empty list when cancelled. */
export const openFiles = (filters: FileFilter[], multiple = false): Promise<OpenedFile[]> => transport.openFiles(filters, multiple);

/** Opens a file (a scanned PDF …) in the system viewer; in web mode, in a new browser tab. */
export const openWithSystem = (name: string, base64: string): Promise<void> => transport.openWithSystem(name, base64);

/** Reads a File (drag and drop) the same way. */
export async function readDroppedFile(file: File): Promise<OpenedFile> {
  return { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}

/** The save dialog's filter for each kind of file the app writes. */
export const FILE_KINDS = {
  docx: [{ name: 'Word 文档', extensions: ['docx'] }],
  xlsx: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
  json: [{ name: '数据包', extensions: ['json'] }],
  zip: [{ name: '数据包（含附件）', extensions: ['zip'] }],
  backup: [{ name: '法治台账备份', extensions: ['zip', 'db'] }],
} satisfies Record<string, FileFilter[]>;
export type FileKind = keyof typeof FILE_KINDS;
