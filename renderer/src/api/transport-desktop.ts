// The desktop transport: Electron's preload bridge (window.fazhi) — IPC calls, the
// system's save/open dialogs and viewer, webContents.print.
import type { DesktopBridge } from '@shared/platform.ts';
import type { Transport } from './transport.ts';

export function desktopTransport(bridge: DesktopBridge): Transport {
  return {
    kind: 'desktop',
    invoke: (method, input) => bridge.invoke(method, input),
    saveFile: async (name, base64, filters) => (await bridge.saveFile(name, base64, filters)).saved,
    openFiles: (filters, multiple) => bridge.openFiles(filters, multiple),
    openWithSystem: (name, base64) => bridge.openWithSystem(name, base64),
    print: async (options) => {
      await bridge.print(options);
    },
  };
}
