// The renderer's two transports behind one interface (renderer/src/api/transport*.ts):
// the web one POSTs with the per-run token and turns every failure into a Chinese
// message; the desktop one passes calls to the preload bridge.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webTransport } from '../../../renderer/src/api/transport-web.ts';
import { desktopTransport } from '../../../renderer/src/api/transport-desktop.ts';
import type { DesktopBridge } from '../../../electron/shared/platform.ts';

function fakeWindow(search: string) {
  const store = new Map<string, string>();
  vi.stubGlobal('window', { location: { search } });
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
}

afterEach(() => vi.unstubAllGlobals());

describe('web transport', () => {
  it('posts the call with the token from the address, and keeps the token for the tab', async () => {
    fakeWindow('?token=abc123');
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: 7 })));
    vi.stubGlobal('fetch', fetch);
    const t = webTransport();
    expect(t.kind).toBe('web');
    expect(await t.invoke('years.counts', { year: 2025 })).toEqual({ ok: true, value: 7 });
    expect(fetch).toHaveBeenCalledWith('./api/years.counts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fazhi-token': 'abc123' },
      body: '{"year":2025}',
    });
    // the address no longer carries it (a reload after the router replaced the URL): the tab still has it
    vi.stubGlobal('window', { location: { search: '' } });
    await t.invoke('settings.get', undefined);
    expect(fetch).toHaveBeenLastCalledWith(
      './api/settings.get',
      expect.objectContaining({ body: '{}', headers: expect.objectContaining({ 'x-fazhi-token': 'abc123' }) }),
    );
  });

  it('says in Chinese what went wrong: no token, no server, an answer that is not JSON', async () => {
    fakeWindow('');
    const t = webTransport();
    const noToken = await t.invoke('settings.get', {});
    expect(noToken).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('缺少访问令牌') } });

    fakeWindow('?token=t');
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const down = await t.invoke('settings.get', {});
    expect(down.ok).toBe(false);
    expect(!down.ok && down.error.message).toBe('无法连接法治台账服务，请确认命令行窗口中的服务仍在运行');

    vi.stubGlobal('fetch', async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    const garbled = await t.invoke('settings.get', {});
    expect(!garbled.ok && garbled.error.message).toBe('服务返回了无法识别的内容（HTTP 502）');
    expect(!garbled.ok && garbled.error.message).not.toMatch(/JSON|token/);
  });
});

describe('desktop transport', () => {
  it('passes calls and file dialogs to the preload bridge', async () => {
    const bridge: DesktopBridge = {
      invoke: vi.fn(async () => ({ ok: true as const, value: 'x' })),
      saveFile: vi.fn(async () => ({ saved: false })),
      openFiles: vi.fn(async () => [{ name: 'a.json', base64: 'e30=' }]),
      openWithSystem: vi.fn(async () => undefined),
      print: vi.fn(async () => true),
    };
    const t = desktopTransport(bridge);
    expect(t.kind).toBe('desktop');
    expect(await t.invoke('settings.get', {})).toEqual({ ok: true, value: 'x' });
    expect(bridge.invoke).toHaveBeenCalledWith('settings.get', {});
    expect(await t.saveFile('台账.xlsx', 'AAAA', [{ name: 'Excel', extensions: ['xlsx'] }])).toBe(false);
    expect(await t.openFiles([{ name: '数据包', extensions: ['json'] }], true)).toEqual([{ name: 'a.json', base64: 'e30=' }]);
    expect(bridge.openFiles).toHaveBeenCalledWith([{ name: '数据包', extensions: ['json'] }], true);
    await t.print({ landscape: true });
    expect(bridge.print).toHaveBeenCalledWith({ landscape: true });
  });
});
