// scripts/check-glibc.ts on canned `objdump -T` output: the release workflow
// relies on it to refuse a Linux build that would not load on 统信UOS 20.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGlibc, compareVersions, DEFAULT_MAX_GLIBC, findElfFiles, maxGlibcFromObjdump, parseVersion } from '../../scripts/check-glibc.ts';

const script = fileURLToPath(new URL('../../scripts/check-glibc.ts', import.meta.url));

// shape of binutils' output for an x64 addon: imported (*UND*) and defined symbols, GLIBCXX and Base
const ADDON_OBJDUMP = `
better_sqlite3.node:     file format elf64-x86-64

DYNAMIC SYMBOL TABLE:
0000000000000000      DF *UND*	0000000000000000 (GLIBCXX_3.4.29) _ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.2.5) __errno_location
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.34) pthread_mutexattr_init
0000000000000000      D  *UND*	0000000000000000  Base        napi_set_element
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.29) exp
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.34) dlopen
0000000000000000  w   D  *UND*	0000000000000000  Base        __gmon_start__
00000000000f1e20 g    DF .text	0000000000000036  GLIBC_2.99  fake_defined_here
0000000000000000      DF *UND*	0000000000000000  GLIBC_PRIVATE _dl_fake_private
00000000000a1b40 g    DF .text	0000000000000120  Base        napi_register_module_v1
`;

const OLD_OBJDUMP = `
electron:     file format elf64-x86-64

DYNAMIC SYMBOL TABLE:
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.2.5) malloc
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.17) clock_gettime
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.28) statx
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.28) fcntl64
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.9) pipe2
`;

// aarch64 objdump prints no parentheses around the version
const ARM_OBJDUMP = `
libffmpeg.so:     file format elf64-littleaarch64

DYNAMIC SYMBOL TABLE:
0000000000000000      DF *UND*	0000000000000000  GLIBC_2.17  memcpy
0000000000000000      DF *UND*	0000000000000000  GLIBC_2.27  pow
`;

const dir = mkdtempSync(join(tmpdir(), 'fazhi-glibc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);

/** A packaged-app folder of fake ELF files and a fake objdump that prints canned output per file name. */
function fakeApp(files: Record<string, string | null>): { root: string; objdump: string } {
  const root = mkdtempSync(join(dir, 'app-'));
  const canned = join(root, '..', `${root.split('/').pop()}-canned`);
  mkdirSync(canned);
  for (const [rel, output] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    if (output === null) {
      writeFileSync(path, 'not an ELF file\n');
      continue;
    }
    writeFileSync(path, ELF);
    writeFileSync(join(canned, rel.replace(/\//g, '__')), output);
  }
  const objdump = join(canned, 'objdump');
  writeFileSync(
    objdump,
    `#!/bin/sh
[ "$1" = "-T" ] || { echo "expected -T" >&2; exit 9; }
rel=$(echo "\${2#${root}/}" | sed 's#/#__#g')
[ -f "${canned}/$rel" ] || { echo "objdump: $2: no dynamic symbol table" >&2; exit 1; }
cat "${canned}/$rel"
`,
  );
  chmodSync(objdump, 0o755);
  return { root, objdump };
}

describe('maxGlibcFromObjdump', () => {
  it('takes the highest GLIBC_ version among imported symbols, naming them', () => {
    expect(maxGlibcFromObjdump(ADDON_OBJDUMP)).toEqual({ max: '2.34', symbols: ['dlopen', 'pthread_mutexattr_init'] });
  });

  it('ignores GLIBCXX_, GLIBC_PRIVATE and symbols the file defines itself', () => {
    const only = ADDON_OBJDUMP.split('\n')
      .filter((l) => !/\(GLIBC_2\./.test(l))
      .join('\n');
    expect(maxGlibcFromObjdump(only)).toEqual({ max: null, symbols: [] });
  });

  it('compares versions as numbers (2.9 < 2.17 < 2.28), with or without parentheses', () => {
    expect(maxGlibcFromObjdump(OLD_OBJDUMP)).toEqual({ max: '2.28', symbols: ['fcntl64', 'statx'] });
    expect(maxGlibcFromObjdump(ARM_OBJDUMP)).toEqual({ max: '2.27', symbols: ['pow'] });
    expect(compareVersions(parseVersion('2.9'), parseVersion('2.17'))).toBeLessThan(0);
    expect(compareVersions(parseVersion('2.28'), parseVersion('2.28.0'))).toBe(0);
  });

  it('targets glibc 2.28 (统信UOS 20) unless told otherwise', () => {
    expect(DEFAULT_MAX_GLIBC).toBe('2.28');
  });
});

describe('checkGlibc over a packaged folder', () => {
  it('fails when the addon needs more than 2.28 and says which file and symbols', () => {
    const app = fakeApp({
      'fazhi-ledger': OLD_OBJDUMP,
      'libffmpeg.so': ARM_OBJDUMP,
      'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node': ADDON_OBJDUMP,
      'resources/app.asar': null,
      'LICENSES.chromium.html': null,
    });
    const r = checkGlibc([app.root], { objdump: app.objdump, base: app.root });
    expect(r.ok).toBe(false);
    expect(r.files.map((f) => [f.file.slice(app.root.length + 1), f.max, f.ok])).toEqual([
      ['fazhi-ledger', '2.28', true],
      ['libffmpeg.so', '2.27', true],
      ['resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node', '2.34', false],
    ]);
    expect(r.report).toContain('超出 GLIBC_2.34');
    expect(r.report).toContain('dlopen, pthread_mutexattr_init');
    expect(r.report).toContain('失败：1 个文件需要高于 glibc 2.28');
  });

  it('passes a folder whose binaries all load on 2.28, and a higher target lets 2.34 through', () => {
    const app = fakeApp({ 'fazhi-ledger': OLD_OBJDUMP, 'chrome-sandbox': ARM_OBJDUMP });
    const r = checkGlibc([app.root], { objdump: app.objdump });
    expect(r.ok).toBe(true);
    expect(r.report).toContain('通过：2 个文件都能在 glibc 2.28 上加载');

    const addon = fakeApp({ 'x.node': ADDON_OBJDUMP });
    expect(checkGlibc([addon.root], { objdump: addon.objdump, max: '2.34' }).ok).toBe(true);
    expect(checkGlibc([addon.root], { objdump: addon.objdump, max: '2.33' }).ok).toBe(false);
  });

  it('treats a static executable (no dynamic symbol table) as needing nothing', () => {
    const app = fakeApp({ 'fazhi-ledger': OLD_OBJDUMP });
    writeFileSync(join(app.root, 'static-helper'), ELF); // no canned output: the fake objdump says "no dynamic symbol table"
    const r = checkGlibc([app.root], { objdump: app.objdump });
    expect(r.files.find((f) => f.file.endsWith('static-helper'))).toMatchObject({ max: null, ok: true });
    expect(r.ok).toBe(true);
  });

  it('finds only ELF files and does not follow symlinks', () => {
    const app = fakeApp({ 'a.so': OLD_OBJDUMP, 'readme.txt': null });
    symlinkSync(join(app.root, 'a.so'), join(app.root, 'a.so.1'));
    expect(findElfFiles([app.root]).map((f) => f.slice(app.root.length + 1))).toEqual(['a.so']);
  });

  it('refuses a folder with no ELF file at all (a wrong path must not pass)', () => {
    const app = fakeApp({ 'readme.txt': null });
    expect(() => checkGlibc([app.root], { objdump: app.objdump })).toThrow('没有找到任何 ELF');
  });
});

describe('the command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 20_000 });

  it('exits 1 over target, 0 within, 2 on usage errors', () => {
    const app = fakeApp({ 'fazhi-ledger': OLD_OBJDUMP, 'x.node': ADDON_OBJDUMP });
    const over = run(app.root, '--objdump', app.objdump);
    expect(over.status).toBe(1);
    expect(over.stdout).toContain('超出 GLIBC_2.34');

    const within = run(app.root, '--objdump', app.objdump, '--max', '2.34');
    expect(within.status).toBe(0);
    expect(within.stdout).toContain('通过：2 个文件');

    expect(run().status).toBe(2);
    expect(run(app.root, '--max', 'abc').status).toBe(2);
    const missing = run(join(app.root, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到');
    const noObjdump = run(app.root, '--objdump', join(app.root, 'no-such-objdump'));
    expect(noObjdump.status).toBe(2);
    expect(noObjdump.stderr).toContain('无法运行');
  });
});
