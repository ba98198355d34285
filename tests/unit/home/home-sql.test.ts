// issue 24: 首页 at 100 000 records a register reads indexes, not rows. These compare what the
// set-based queries say with the plain way of saying it (every row read, GROUP BY, the working days
// counted per request), over random ledgers with the edges in them: year and month boundaries,
// rows in the 回收站, answered and unanswered requests, holidays, more rows than the list shows.
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../electron/core/home/dashboard.ts';
import { DISCLOSURE_WARN_WORKING_DAYS, disclosureReminders, disclosureWarnCutoff } from '../../../electron/core/home/reminders.ts';
import { insertRecord } from '../../../electron/core/registers/repository.ts';
import { INCOMPLETE_SQL } from '../../../electron/core/registers/incomplete-sql.ts';
import { addDays, daysBetween } from '../../../electron/shared/case-file.ts';
import { REGISTERS, REGISTER_NAMES } from '../../../electron/shared/registers.ts';
import { REPLY_DAYS, workingDaysBetween } from '../../../electron/shared/workdays.ts';
import { memoryCore, ok } from '../../helpers/core.ts';
import { rng } from '../../helpers/random.ts';

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

describe('依申请公开 reminders by a cutoff date', () => {
  it('the cutoff is the last day received whose reply has used 15 working days by today', () => {
    for (let d = '2024-12-01'; d <= '2026-02-28'; d = addDays(d, 1)) {
      const cut = disclosureWarnCutoff(d);
      expect(workingDaysBetween(cut, d), d).toBeGreaterThanOrEqual(REPLY_DAYS - DISCLOSURE_WARN_WORKING_DAYS);
      expect(workingDaysBetween(addDays(cut, 1), d), d).toBeLessThan(REPLY_DAYS - DISCLOSURE_WARN_WORKING_DAYS);
    }
    // 国庆 2025: 10-01…10-08 off, 09-28 and 10-11 worked
    expect(disclosureWarnCutoff('2025-10-20')).toBe('2025-09-23');
  });

  it('lists and counts what the row-by-row rule lists and counts, over random requests', async () => {
    let most = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const r = rng(seed);
      const core = memoryCore();
      const db = core.ctx.db;
      const ids: string[] = [];
      // more than the 100 shown, on few days (ties within a day), across two years
      for (let i = 0; i < 400; i++) {
        const receivedOn = addDays('2024-09-01', Math.floor(r() * 520));
        const answered = r() < 0.3;
        const id = `${pick(r, ['a', 'B', '0'])}${i}`;
        ids.push(id);
        insertRecord(
          db,
          REGISTERS.disclosureRequests,
          id,
          {
            receivedOn,
            applicantType: 'natural',
            applicant: '令狐某某',
            subject: '事项',
            channel: 'mail',
            result: answered ? pick(r, ['disclosed', '']) : pick(r, [null, '']),
            resultOn: answered ? pick(r, [addDays(receivedOn, 5), null]) : null,
          },
          '2025-01-01T00:00:00.000Z',
        );
      }
      for (const id of ids) if (r() < 0.05) ok(await core.call('disclosureRequests.delete', { id }));
      for (const today of ['2025-01-02', '2025-02-10', '2025-06-30', '2025-10-09', '2025-12-31', '2026-01-05']) {
        // the rule as it was written before: every open request of this year and last, its working days counted
        const open = (
          db
            .prepare(
              `SELECT id, received_on AS receivedOn FROM disclosure_requests WHERE deleted_at IS NULL AND (result IS NULL OR result = '' OR result_on IS NULL)
              AND received_on >= ? AND received_on <= ? ORDER BY received_on, id`,
            )
            .all(`${Number(today.slice(0, 4)) - 1}-01-01`, today) as { id: string; receivedOn: string }[]
        ).filter((x) => REPLY_DAYS - workingDaysBetween(x.receivedOn, today) <= DISCLOSURE_WARN_WORKING_DAYS);
        const got = disclosureReminders(db, today);
        most = Math.max(most, got.count);
        expect(got.count, `seed ${seed} on ${today}`).toBe(open.length);
        expect(got.items.map((i) => i.link.query?.open)).toEqual(open.slice(0, 100).map((x) => x.id));
        for (const [k, i] of got.items.entries()) {
          const left = REPLY_DAYS - workingDaysBetween(open[k].receivedOn, today);
          expect(i.level).toBe(left < 0 ? 'overdue' : 'soon');
          expect(i.daysLeft).toBe(daysBetween(today, i.due));
        }
        expect(JSON.stringify(got)).not.toContain('令狐');
      }
      core.close();
    }
    // some day had more due than the 100 listed
    expect(most).toBeGreaterThan(100);
  });
});

describe('首页 figures from indexes', () => {
  it('months, categories and the 卷宗不完整 count equal a GROUP BY over the rows', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const r = rng(seed);
      const core = memoryCore();
      const db = core.ctx.db;
      const ids: [string, string][] = [];
      for (const name of REGISTER_NAMES) {
        const def = REGISTERS[name];
        const dateKey = def.fields.find(
          (f) => f.column === (name === 'mediationCases' ? 'accepted_on' : name === 'disclosureRequests' ? 'received_on' : 'date'),
        )!.key;
        for (let i = 0; i < 150; i++) {
          // month ends and year ends
          const date = pick(r, [
            '2024-12-31',
            '2025-01-01',
            '2025-01-31',
            '2025-02-01',
            '2025-06-30',
            '2025-07-01',
            '2025-11-30',
            '2025-12-01',
            '2025-12-31',
            '2026-01-01',
          ]);
          const id = `${name}-${i}`;
          ids.push([name, id]);
          const base: Record<string, unknown> = {
            activities: { kind: pick(r, ['campaign', 'lecture']), title: 't', venue: 'village', laws: [] },
            mediationCases: {
              type: pick(r, ['neighbor', 'contract', 'labor']),
              status: pick(r, ['success', 'failed', 'in_progress', 'suspended']),
              partyCount: 2,
              partyList: pick(r, [
                [],
                [
                  { role: 'applicant', name: '甲' },
                  { role: 'respondent', name: '乙' },
                ],
              ]),
              facts: pick(r, [null, '事实']),
              notes: pick(r, [null, '', '说明']),
              closedOn: pick(r, [null, date]),
              followUps: [],
              judicialConfirmation: false,
            },
            inspections: {
              field: pick(r, ['fire', 'food', 'work_safety']),
              outcome: pick(r, ['no_issue', 'rectification', 'penalty']),
              target: '某企业',
              entrusted: r() < 0.3,
              issuesFound: 0,
              issuesRectified: 0,
              penaltyLegalReview: false,
            },
            workItems: { category: pick(r, ['study', 'meeting']), title: 't', count: 1, participants: 0, passed: 0, opinions: 0, leaderAppeared: false },
            disclosureRequests: { applicantType: 'natural', subject: 's' },
            screenings: {
              village: pick(r, [null, '东岗村']),
              found: 0,
              prevented: 0,
              preventedCriminal: 0,
              preventedSuicide: 0,
              preventedPetition: 0,
              preventedFight: 0,
            },
          }[name] as Record<string, unknown>;
          insertRecord(
            db,
            def,
            id,
            { ...base, [dateKey]: date, audience: 0, materials: 0, banners: 0, boards: 0, consultations: 0, views: 0 },
            '2025-01-01T00:00:00.000Z',
          );
        }
      }
      for (const [name, id] of ids) if (r() < 0.1) ok(await core.call(`${name}.delete` as 'activities.delete', { id }));
      for (const year of [2024, 2025, 2026]) {
        const p = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
        const d = computeDashboard(db, year);
        const counts = ok(await core.call('years.counts', { year }));
        for (const name of REGISTER_NAMES) {
          const def = REGISTERS[name];
          const col = name === 'mediationCases' ? 'accepted_on' : name === 'disclosureRequests' ? 'received_on' : 'date';
          const rows = db
            .prepare(
              `SELECT CAST(substr(${col}, 6, 2) AS INTEGER) AS m, COUNT(*) AS n FROM ${def.table} WHERE deleted_at IS NULL AND ${col} >= @from AND ${col} < @to GROUP BY m`,
            )
            .all(p) as { m: number; n: number }[];
          const months = Array.from({ length: 12 }, (_, i) => rows.find((x) => x.m === i + 1)?.n ?? 0);
          expect(d.monthly[name], `${name} ${year}`).toEqual(months);
          expect(counts.counts[name]).toBe(months.reduce((a, b) => a + b, 0));
        }
        const group = (table: string, col: string, dateCol: string) =>
          db
            .prepare(
              `SELECT ${col} AS code, COUNT(*) AS count FROM ${table} WHERE deleted_at IS NULL AND ${dateCol} >= @from AND ${dateCol} < @to GROUP BY ${col} ORDER BY count DESC, code`,
            )
            .all(p);
        expect(d.disputeTypes).toEqual(group('mediation_cases', 'type', 'accepted_on'));
        expect(d.caseStatuses).toEqual(group('mediation_cases', 'status', 'accepted_on'));
        expect(d.inspectionFields).toEqual(group('inspections', 'field', 'date'));
        expect(d.inspectionOutcomes).toEqual(group('inspections', 'outcome', 'date'));
        for (const today of ['2025-01-15', '2025-12-31', '2026-02-01']) {
          const plain = db
            .prepare(
              `SELECT COUNT(*) AS n FROM mediation_cases WHERE deleted_at IS NULL AND accepted_on >= @from AND accepted_on < @to AND ${INCOMPLETE_SQL.replace('?', '@today')}`,
            )
            .get({ ...p, today }) as { n: number };
          expect(ok(await core.call('dashboard.incompleteCases', { year, date: today })), `${year} on ${today}`).toBe(plain.n);
        }
      }
      core.close();
    }
  });
});
