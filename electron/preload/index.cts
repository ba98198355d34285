// Preload (CommonJS: a sandboxed preload can't be ESM and can require only
// 'electron'). Exposes window.fazhi — the DesktopBridge — over ipcRenderer.invoke
// and nothing else: no ipcRenderer, no Node, no event objects reach the page.
import type { DesktopBridge, FileFilter, IPC_CHANNELS as SharedChannels } from '../shared/platform.ts' with { 'resolution-mode': 'import' };

const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

// A copy of IPC_CHANNELS (local files can't be required here); the type check keeps them equal.
const CHANNELS: typeof SharedChannels = {
  invoke: 'fazhi:invoke',
  saveFile: 'fazhi:save-file',
  openFiles: 'fazhi:open-files',
  openWithSystem: 'fazhi:open-with-system',
  print: 'fazhi:print',
};

const bridge: DesktopBridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(CHANNELS.invoke, method, input),
  saveFile: (suggestedName: string, base64: string, filters: FileFilter[]) => ipcRenderer.invoke(CHANNELS.saveFile, suggestedName, base64, filters),
  openFiles: (filters: FileFilter[], multiple: boolean) => ipcRenderer.invoke(CHANNELS.openFiles, filters, multiple),
  openWithSystem: (name: string, base64: string) => ipcRenderer.invoke(CHANNELS.openWithSystem, name, base64),
  print: (options: { landscape?: boolean }) => ipcRenderer.invoke(CHANNELS.print, options),
};

contextBridge.exposeInMainWorld('fazhi', bridge);
