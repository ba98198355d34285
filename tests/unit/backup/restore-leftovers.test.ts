// A restore killed half-way left full ledger copies (with personal data) beside the
// ledger: the next start removes them, once they are older than a running restore's.
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/index.ts';
import { tempDir } from '../../helpers/core.ts';

describe('a killed restore’s leftovers', () => {
  it('are removed at the next start; a young one (a restore running now) and other files stay', () => {
    const t = tempDir();
    const db = join(t.dir, 'ledger.db');
    createCore({ dbPath: db }).close();
    const old = new Date(Date.now() - 60 * 60_000);
    const stale = ['ledger.db.restore-1a2b3c4d.tmp', 'ledger.db.restore-1a2b3c4d.tmp-wal', 'ledger.db.restore-1a2b3c4d.tmp-journal'].map((n) => join(t.dir, n));
    for (const f of stale) {
      writeFileSync(f, 'SQLite format 3\u0000 当事人 张三 11010519491231002X');
      utimesSync(f, old, old);
    }
    const young = join(t.dir, 'ledger.db.restore-99999999.tmp');
    writeFileSync(young, 'x');
    const mine = join(t.dir, 'notes.restore-1.tmp');
    writeFileSync(mine, 'x');
    utimesSync(mine, old, old);
    createCore({ dbPath: db }).close();
    for (const f of stale) expect(existsSync(f), f).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(db)).toBe(true);
    t.cleanup();
  });
});
