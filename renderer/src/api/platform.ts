// File dialogs: the Electron save/open dialogs in the desktop app, a download
// and a file picker in web mode. Components never know which.
import type { FileFilter, OpenedFile } from '@shared/platform.ts';

export type { FileFilter, OpenedFile };

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const textToBase64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));

const MIME: Record<string, string> = {
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  db: 'application/octet-stream',
};

/** Saves bytes under a suggested name; resolves false when the clerk cancelled. */
export async function saveFile(suggestedName: string, base64: string, filters: FileFilter[]): Promise<boolean> {
  if (window.fazhi) return (await window.fazhi.saveFile(suggestedName, base64, filters)).saved;
  const ext = suggestedName.split('.').pop() ?? '';
  const blob = new Blob([base64ToBytes(base64) as BlobPart], { type: MIME[ext] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/** Lets the clerk pick files; an empty list when cancelled. */
export async function openFiles(filters: FileFilter[], multiple = false): Promise<OpenedFile[]> {
  if (window.fazhi) return window.fazhi.openFiles(filters, multiple);
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', async () => {
      const files = [...(input.files ?? [])];
      input.remove();
      resolve(await Promise.all(files.map(async (f) => ({ name: f.name, base64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) }))));
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Opens a file (a scanned PDF …) in the system viewer; in web mode, in a new browser tab. */
export async function openWithSystem(name: string, base64: string): Promise<void> {
  if (window.fazhi) return window.fazhi.openWithSystem(name, base64);
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const type = ext === 'pdf' ? 'application/pdf' : `image/${ext === 'jpg' ? 'jpeg' : ext}`;
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64) as BlobPart], { type }));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a File (drag and drop) the same way. */
export async function readDroppedFile(file: File): Promise<OpenedFile> {
  return { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
