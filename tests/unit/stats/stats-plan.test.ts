// The year statistics read a table whole (NOT INDEXED) when the year is a large share of
// it, and through the date index otherwise: both plans give the same figures.
import { describe, expect, it } from 'vitest';
import { computeYearStats, STATS_SQL, yearStatsStatements } from '../../../electron/core/stats/year-stats.ts';
import { insertRecord } from '../../../electron/core/registers/repository.ts';
import { REGISTERS } from '../../../electron/shared/registers.ts';
import { memoryCore, SAMPLES } from '../../helpers/core.ts';

describe('year statistics: the plan by the year’s share of the table', () => {
  it('scans a table whose year is most of it, uses the index for one whose year is a small part, same figures either way', () => {
    const core = memoryCore();
    const db = core.ctx.db;
    const at = '2025-01-01T00:00:00.000Z';
    db.transaction(() => {
      // activities: 3 000 in 2024 (the whole table); inspections: 2 500 in 2024 among 12 500
      for (let i = 0; i < 3000; i++)
        insertRecord(
          db,
          REGISTERS.activities,
          `a${i}`,
          {
            ...SAMPLES.activities,
            materials: 0,
            banners: 0,
            boards: 0,
            consultations: 0,
            views: 0,
            date: `2024-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
            audience: i % 97,
            occasion: i % 5 ? null : `节点${i % 3}`,
          },
          at,
        );
      for (let i = 0; i < 12_500; i++)
        insertRecord(
          db,
          REGISTERS.inspections,
          `i${i}`,
          {
            ...SAMPLES.inspections,
            penaltyLegalReview: false,
            date: `${2020 + (i % 5)}-0${(i % 9) + 1}-1${i % 10}`,
            issuesFound: i % 4,
            issuesRectified: (i % 3) % 2,
            entrusted: i % 7 === 0,
          },
          at,
        );
      db.prepare("UPDATE activities SET deleted_at = '2025-02-01' WHERE rowid % 50 = 0").run();
    })();
    const plans = Object.fromEntries(yearStatsStatements(db, 2024).map((x) => [x.key, x.sql]));
    expect(plans.activities).toContain('FROM activities NOT INDEXED');
    expect(plans.activityGroups).toContain('FROM activities NOT INDEXED');
    // the year before's inspections (2 500 of 12 500, a fifth): through the date index
    expect(plans.previousInspections).not.toContain('NOT INDEXED');
    expect(plans.inspections).not.toContain('NOT INDEXED');
    const s = computeYearStats(db, 2024);
    // the same statements through the date index give the same rows
    const p = { from: '2024-01-01', to: '2025-01-01' };
    expect(db.prepare(STATS_SQL.activities).get(p)).toEqual(db.prepare(plans.activities).get(p));
    expect(db.prepare(STATS_SQL.activityGroups).all(p)).toEqual(db.prepare(plans.activityGroups).all(p));
    expect(s.activities.total).toBe(3000 - 60);
    expect(s.activities.audience).toBe((db.prepare('SELECT SUM(audience) AS n FROM activities WHERE deleted_at IS NULL').get() as { n: number }).n);
    expect(s.inspections.total).toBe(2500);
    core.close();
  });
});
