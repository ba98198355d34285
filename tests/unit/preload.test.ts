// The preload, compiled as the build does (CommonJS) and run with a fake
// `require`: it needs only 'electron' and exposes only window.fazhi, whose
// three functions go through ipcRenderer.invoke on the shared channels.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../electron/shared/platform.ts';

const source = readFileSync(new URL('../../electron/preload/index.cts', import.meta.url), 'utf8');

function load() {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: 'index.cts',
  });
  const required: string[] = [];
  const exposed: [string, unknown][] = [];
  const invoke = vi.fn(async (...args: unknown[]) => ({ args }));
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
    ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
  };
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', outputText)(fakeRequire, module, module.exports);
  return { required, exposed, invoke, electron };
}

describe('preload', () => {
  it("requires only 'electron'", () => {
    expect(load().required).toEqual(['electron']);
  });

  it('exposes window.fazhi with invoke, saveFile, openFiles, openWithSystem, print only', () => {
    const { exposed } = load();
    expect(exposed).toHaveLength(1);
    expect(exposed[0][0]).toBe('fazhi');
    expect(Object.keys(exposed[0][1] as object).sort()).toEqual(['invoke', 'openFiles', 'openWithSystem', 'print', 'saveFile']);
  });

  it('calls ipcRenderer.invoke on the shared channels', async () => {
    const { exposed, invoke, electron } = load();
    const api = exposed[0][1] as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await api.invoke('years.counts', { year: 2025 });
    await api.saveFile('a.json', 'e30=', []);
    await api.openFiles([], true);
    await api.openWithSystem('a.pdf', 'JVBERi0=');
    await api.print({ landscape: true });
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.invoke, 'years.counts', { year: 2025 }],
      [IPC_CHANNELS.saveFile, 'a.json', 'e30=', []],
      [IPC_CHANNELS.openFiles, [], true],
      [IPC_CHANNELS.openWithSystem, 'a.pdf', 'JVBERi0='],
      [IPC_CHANNELS.print, { landscape: true }],
    ]);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
