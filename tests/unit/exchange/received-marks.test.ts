// What an import remembers it received (exchange_seen: which copy of each record came last from
// a package), the memory behind 「两边都改过」. New records are marked a register in one
// statement after they are written; updated and unchanged ones one by one. Both must hold the
// updatedAt the ledger row holds, or the next import calls a conflict where there is none.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/index.ts';
import { memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

const TOWNSHIP = { name: '小陶镇', authority: '永安市小陶镇人民政府' };
const pkg = (activities: object[], mediationCases: object[] = []) =>
  JSON.stringify({ format: 'fazhi-ledger-package', version: 1, township: TOWNSHIP, activities, mediationCases });

const marks = (core: Core) =>
  core.ctx.db.prepare('SELECT register, record_id AS id, updated_at AS updatedAt FROM exchange_seen ORDER BY register, record_id').all();
const rows = (core: Core, table: string, register: string) =>
  core.ctx.db.prepare(`SELECT ? AS register, id, updated_at AS updatedAt FROM ${table} ORDER BY id`).all(register);

describe('received marks', () => {
  it('marks every new, updated and unchanged record with the updatedAt its row holds', async () => {
    const core = memoryCore();
    ok(await core.call('activities.create', { record: { ...SAMPLES.activities, title: '本机先有的一条' } }));
    const local = ok(await core.call('activities.list', { pageSize: 5 })).items[0] as { id: string };
    const first = pkg(
      [
        { ...SAMPLES.activities, id: 'act-b', updatedAt: '2025-01-02T03:04:05.000Z' },
        { ...SAMPLES.activities, id: 'act-a', updatedAt: '2025-01-02T03:04:06.000Z' },
        // a time in the future is recorded as the import's time: the mark says the same
        { ...SAMPLES.activities, id: 'act-c', updatedAt: '2099-01-01T00:00:00.000Z' },
        // no time at all: the import's time too
        { ...SAMPLES.activities, id: 'act-d' },
      ],
      [{ ...SAMPLES.mediationCases, id: 'case-1', updatedAt: '2025-02-01T00:00:00.000Z' }],
    );
    const report = ok(await core.call('exchange.import', { content: first }));
    expect(report.totals.new).toBe(5);
    const written = [
      ...rows(core, 'activities', 'activities').filter((r) => (r as { id: string }).id !== local.id),
      ...rows(core, 'mediation_cases', 'mediationCases'),
    ];
    expect(marks(core)).toEqual(written.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
    expect(marks(core)).toContainEqual({ register: 'activities', id: 'act-b', updatedAt: '2025-01-02T03:04:05.000Z' });

    // again, with one record changed and one the same: the changed one's mark moves, the rest stay
    const second = pkg([
      { ...SAMPLES.activities, id: 'act-b', title: '改过的名称', updatedAt: '2025-03-01T00:00:00.000Z' },
      { ...SAMPLES.activities, id: 'act-a', updatedAt: '2025-01-02T03:04:06.000Z' },
    ]);
    const again = ok(await core.call('exchange.import', { content: second }));
    expect([again.totals.updated, again.totals.unchanged]).toEqual([1, 1]);
    expect(marks(core)).toContainEqual({ register: 'activities', id: 'act-b', updatedAt: '2025-03-01T00:00:00.000Z' });
    expect(marks(core)).toContainEqual({ register: 'activities', id: 'act-a', updatedAt: '2025-01-02T03:04:06.000Z' });
    expect(marks(core).some((m) => (m as { id: string }).id === local.id)).toBe(false);
  });
});
