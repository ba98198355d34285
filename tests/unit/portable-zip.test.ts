// The U盘 zip: unzipped, 法治台账.exe has the `portable` marker beside it, so
// the app keeps its ledger in data/ beside the program (electron/core/paths.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { portableDataDir } from '../../electron/core/paths.ts';
import { makePortableZip, PORTABLE_EXE, PORTABLE_FOLDER } from '../../scripts/make-portable-zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'fazhi-portable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeUnpacked(): string {
  const root = join(dir, 'win-unpacked');
  mkdirSync(join(root, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds'), { recursive: true });
  writeFileSync(join(root, PORTABLE_EXE), Buffer.from('MZ fake exe'));
  writeFileSync(join(root, 'ffmpeg.dll'), Buffer.alloc(70_000, 7));
  writeFileSync(join(root, 'resources', 'app.asar'), 'asar');
  writeFileSync(join(root, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'win32-x64.node'), 'addon');
  return root;
}

describe('scripts/make-portable-zip.ts', () => {
  it('puts the program in one 法治台账 folder with the portable marker and data/ beside the exe', async () => {
    const out = join(dir, 'fazhi-ledger-0.0.0-win-x64-portable.zip');
    const r = await makePortableZip(fakeUnpacked(), out);
    expect(r.files).toBe(6);
    const bytes = readFileSync(out);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        `${PORTABLE_FOLDER}/${PORTABLE_EXE}`,
        `${PORTABLE_FOLDER}/portable`,
        `${PORTABLE_FOLDER}/data/`,
        `${PORTABLE_FOLDER}/使用说明.txt`,
        `${PORTABLE_FOLDER}/resources/app.asar`,
        `${PORTABLE_FOLDER}/resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/win32-x64.node`,
      ]),
    );
    expect(await zip.file(`${PORTABLE_FOLDER}/ffmpeg.dll`)?.async('nodebuffer')).toEqual(Buffer.alloc(70_000, 7));
    expect(await zip.file(`${PORTABLE_FOLDER}/portable`)?.async('string')).toContain('U盘便携版');
    expect(await zip.file(`${PORTABLE_FOLDER}/使用说明.txt`)?.async('string')).toContain('不需要管理员权限');

    // the app's own rule, applied to the unzipped layout
    const present = new Set(names.map((n) => n.replace(/\/$/, '')));
    expect(portableDataDir(PORTABLE_FOLDER, (p) => present.has(p.replace(/\\/g, '/')))).toBe(join(PORTABLE_FOLDER, 'data'));

    // Chinese names flagged as UTF-8 (general purpose bit 11), so Windows' own unzip shows them right
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(6) & 0x0800).toBe(0x0800);
  });

  it('refuses a folder that is not the Windows build', async () => {
    const empty = join(dir, 'linux-unpacked');
    mkdirSync(empty);
    await expect(makePortableZip(empty, join(dir, 'x.zip'))).rejects.toThrow('不是 Windows 版');
  });
});
