// Where the desktop app keeps the ledger: userData, or data/ beside the
// program when a `portable` marker file is there (U盘).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portableDataDir, programDir } from '../../../electron/core/paths.ts';

describe('portableDataDir', () => {
  const exeDir = join('/media', 'usb', '法治台账');
  it('is data/ beside the program when the marker exists', () => {
    const seen: string[] = [];
    const dir = portableDataDir(exeDir, (p) => (seen.push(p), p === join(exeDir, 'portable')));
    expect(dir).toBe(join(exeDir, 'data'));
    expect(seen).toEqual([join(exeDir, 'portable')]);
  });
  it('is null without the marker', () => {
    expect(portableDataDir(exeDir, () => false)).toBeNull();
  });
});

describe('programDir', () => {
  it('is the executable folder', () => {
    expect(programDir(join('/opt', '法治台账', 'fazhi-ledger'), {})).toBe(join('/opt', '法治台账'));
  });
  it('is the AppImage file folder, not its temporary mount', () => {
    expect(programDir('/tmp/.mount_fazhiX/fazhi-ledger', { APPIMAGE: '/media/usb/fazhi-ledger.AppImage' })).toBe('/media/usb');
  });
  it("is the Windows portable build's own folder", () => {
    expect(programDir('/tmp/x/fazhi.exe', { PORTABLE_EXECUTABLE_DIR: '/media/usb' })).toBe('/media/usb');
  });
});
