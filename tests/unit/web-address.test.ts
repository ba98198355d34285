// 网页模式 keeps its address: the default port (another free one when taken, said in
// Chinese), the token kept in the data folder (mode 0600), and a mistyped option named.
import { statSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PortBusyError, startBridge } from '../../electron/bridge/server.ts';
import { checkWebArgs, closestOption, DEFAULT_WEB_PORT, loadOrCreateToken, startWebBridge, webTokenPath } from '../../electron/bridge/web-address.ts';
import { memoryCore, tempDir } from '../helpers/core.ts';

const occupy = () =>
  new Promise<Server>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
const portOf = (s: Server) => (s.address() as { port: number }).port;

describe('网页模式 address', () => {
  it('keeps the token in the data folder, readable by that user only', () => {
    const tmp = tempDir();
    const path = webTokenPath(join(tmp.dir, 'ledger.db'));
    expect(path).toBe(join(tmp.dir, 'web-token'));
    const token = loadOrCreateToken(path);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateToken(path)).toBe(token);
    // a file made readable by others is tightened; a damaged one replaced
    if (process.platform !== 'win32') {
      chmodSync(path, 0o644);
      expect(loadOrCreateToken(path)).toBe(token);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    writeFileSync(path, 'xyz');
    expect(loadOrCreateToken(path)).not.toBe(token);
    tmp.cleanup();
  });

  it('listens on the default port, falls back to a free one when it is taken (in Chinese), and refuses a busy --port in Chinese', async () => {
    expect(DEFAULT_WEB_PORT).toBe(47203);
    const core = memoryCore();
    const busy = await occupy();
    const port = portOf(busy);
    const err = await startBridge({ core, port }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortBusyError);
    expect((err as Error).message).toBe(
      `端口 ${port} 已被占用（可能已有一个法治台账网页模式或其他程序在使用它）。请关闭占用它的程序，或用 --port 换一个端口。`,
    );
    expect((err as Error).message).not.toMatch(/EADDRINUSE/);
    const { bridge, note } = await startWebBridge({ core, defaultPort: port, token: 'a'.repeat(48) });
    expect(bridge.port).not.toBe(port);
    expect(note).toBe(
      `端口 ${port} 已被占用（可能已有一个法治台账网页模式在运行），这次改用端口 ${bridge.port}：地址与书签中的不同。关闭占用的程序后重新启动即恢复原地址。`,
    );
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${'a'.repeat(48)}`);
    await bridge.close();
    busy.close();
    // free again: the same address as before
    const again = await startWebBridge({ core, defaultPort: port, token: 'a'.repeat(48) });
    expect([again.bridge.port, again.note]).toEqual([port, null]);
    await again.bridge.close();
    core.close();
  });

  it('names a mistyped option: --prot 47203 suggests --port, not 多余的参数', () => {
    expect(() => checkWebArgs(['--prot', '47203'])).toThrow('未知选项 --prot，您是想用 --port 吗？');
    expect(() => checkWebArgs(['--dmeo'])).toThrow('未知选项 --dmeo，您是想用 --demo 吗？');
    expect(() => checkWebArgs(['--verbose'])).toThrow(/^未知选项 --verbose$/);
    expect(() => checkWebArgs(['47203'])).toThrow('多余的参数：47203');
    expect(checkWebArgs(['--port', '47210', '--db', '/tmp/x.db'])).toEqual({ db: '/tmp/x.db', port: 47210, demo: false, help: false });
    expect(closestOption('PORT', ['db', 'port'])).toBe('port');
  });
});
