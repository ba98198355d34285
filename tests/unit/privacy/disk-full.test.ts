// With 0 bytes free a failed write is said to be a full disk, not a pulled U盘 with
// advice to restore a backup.
import { afterEach, describe, expect, it } from 'vitest';
import { faultOf, freeSpace, watchFolderForFaults } from '../../../electron/core/util/faults.ts';
import { tempDir } from '../../helpers/core.ts';

const fault = (code: string, message = 'disk I/O error') => Object.assign(new Error(message), { code });
const real = freeSpace.of;
afterEach(() => {
  freeSpace.of = real;
});

describe('0 bytes free', () => {
  it('an I/O error or a file it cannot open on a full disk says the disk is full', () => {
    const t = tempDir();
    watchFolderForFaults(t.dir);
    freeSpace.of = () => 0;
    for (const code of ['SQLITE_IOERR_WRITE', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_CANTOPEN', 'EIO']) {
      const f = faultOf(fault(code))!;
      expect(f.code, code).toBe('disk_full');
      expect(f.message).toContain('磁盘空间已满');
      expect(f.message).not.toContain('拔出');
      expect(f.message).not.toContain('备份恢复');
    }
    // with room left, an I/O error is still the U盘's
    freeSpace.of = () => 10 * 1024 * 1024 * 1024;
    expect(faultOf(fault('SQLITE_IOERR_WRITE'))!.message).toContain('U盘可能已拔出');
    t.cleanup();
  });
});
