// tests/electron/harness.ts: which app the smoke test drives, and where its data goes.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findApp, makeSandbox, skipBanner } from '../electron/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'fazhi-harness-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const devRuntimeHere = existsSync(fileURLToPath(new URL('../../node_modules/electron/path.txt', import.meta.url)));

describe('the Electron smoke-test harness', () => {
  it('drives the packaged program named by FAZHI_ELECTRON_APP, and says so when it is missing', () => {
    const exe = join(dir, 'fazhi-ledger');
    writeFileSync(exe, '');
    expect(findApp({ FAZHI_ELECTRON_APP: exe })).toMatchObject({ executablePath: exe, args: [], packaged: true });
    expect(() => findApp({ FAZHI_ELECTRON_APP: join(dir, 'missing') })).toThrow('FAZHI_ELECTRON_APP 指向的程序不存在');
  });

  it('the skip banner reads as a pass at the end of npm test (only there), and says where the window tests run', () => {
    // npm test runs the Electron step last, after && of every other check
    const scripts = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toMatch(/npm run test:e2e && npm run test:electron:last"?$/);
    expect(scripts['test:electron:last']).toBe(scripts['test:electron']);
    const last = skipBanner('test:electron:last');
    expect(last).toContain('✓ npm test：类型检查、lint、格式检查、单元测试和 e2e 测试全部通过');
    expect(last).toContain('.github/workflows/release.yml');
    expect(last.indexOf('全部通过')).toBeLessThan(last.indexOf('跳过'));
    // run alone it claims nothing about the other tests
    expect(skipBanner('test:electron')).not.toContain('全部通过');
    expect(skipBanner(undefined)).toContain('Electron 窗口冒烟测试（tests/electron/）在本机跳过');
  });

  it.skipIf(devRuntimeHere)('finds nothing to drive on a machine without the Electron runtime (this one)', () => {
    expect(findApp({})).toBeNull();
  });

  it.runIf(process.platform === 'linux')('on Linux keeps the ledger in a fresh XDG_CONFIG_HOME, removed afterwards', () => {
    const sandbox = makeSandbox({ executablePath: join(dir, 'fazhi-ledger'), args: [], packaged: true, source: 'test' });
    expect(sandbox.dataDir).toBe(join(sandbox.env.XDG_CONFIG_HOME, '法治台账'));
    expect(sandbox.dataDir.startsWith(tmpdir())).toBe(true);
    expect(sandbox.env.ELECTRON_RUN_AS_NODE).toBeUndefined();
    sandbox.cleanup();
    expect(existsSync(sandbox.env.XDG_CONFIG_HOME)).toBe(false);
  });
});
