// tests/electron/harness.ts: which app the smoke test drives, and where its data goes.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findApp, makeSandbox } from '../electron/harness.ts';

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
