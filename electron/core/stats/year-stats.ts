// Every figure the annual report states, aggregated in SQL from one year's live
// records. Only counting columns are read: never a personal field (当事人, 纠纷简要情况).
import type { YearStats } from '../../shared/contract/stats.ts';
import { ACTIVITY_KINDS, DISPUTE_TYPES, INSPECTION_FIELDS, PENALTY_KINDS, WORK_CATEGORIES, labelOf } from '../../shared/enums.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../registers/repository.ts';

const LIVE = 'deleted_at IS NULL';
const inYear = (col: string) => `${LIVE} AND ${col} >= @from AND ${col} < @to`;

/** Every statement the statistics run, exported so a test can read them. */
export const STATS_SQL = {
  activities: `SELECT COUNT(*) AS total,
      COALESCE(SUM(audience), 0) AS audience, COALESCE(SUM(materials), 0) AS materials,
      COALESCE(SUM(banners), 0) AS banners, COALESCE(SUM(boards), 0) AS boards,
      COALESCE(SUM(consultations), 0) AS consultations, COALESCE(SUM(views), 0) AS views,
      COUNT(DISTINCT NULLIF(TRIM(village), '')) AS villages,
      COUNT(DISTINCT CASE WHEN venue = 'school' THEN NULLIF(TRIM(place), '') END) AS schools,
      COUNT(DISTINCT CASE WHEN venue = 'enterprise' THEN NULLIF(TRIM(place), '') END) AS enterprises
    FROM activities WHERE ${inYear('date')}`,
  activityKinds: `SELECT kind AS code, COUNT(*) AS count FROM activities WHERE ${inYear('date')}
    GROUP BY kind ORDER BY count DESC, kind`,
  occasions: `SELECT TRIM(occasion) AS occasion, COUNT(*) AS count, MIN(date) AS first FROM activities
    WHERE ${inYear('date')} AND TRIM(COALESCE(occasion, '')) <> '' GROUP BY TRIM(occasion) ORDER BY first, occasion`,
  mediation: `SELECT COUNT(*) AS total,
      COALESCE(SUM(status = 'success'), 0) AS success, COALESCE(SUM(status = 'failed'), 0) AS failed,
      COALESCE(SUM(status = 'in_progress'), 0) AS inProgress, COALESCE(SUM(status = 'suspended'), 0) AS suspended,
      COALESCE(SUM(agreement = 'written'), 0) AS written, COALESCE(SUM(agreement = 'oral'), 0) AS oral,
      COALESCE(SUM(closed_on IS NOT NULL AND closed_on <> '' AND closed_on < accepted_on), 0) AS closedBeforeAccepted
    FROM mediation_cases WHERE ${inYear('accepted_on')}`,
  disputeTypes: `SELECT type AS code, COUNT(*) AS count, COALESCE(SUM(status = 'success'), 0) AS success,
      COALESCE(SUM(status <> 'in_progress'), 0) AS closed FROM mediation_cases WHERE ${inYear('accepted_on')}
    GROUP BY type ORDER BY count DESC, type`,
  inspections: `SELECT COUNT(*) AS total,
      COALESCE(SUM(issues_found), 0) AS issuesFound, COALESCE(SUM(issues_rectified), 0) AS issuesRectified,
      COALESCE(SUM(outcome = 'penalty'), 0) AS penalties,
      COALESCE(SUM(CASE WHEN outcome = 'penalty' AND penalty_kind IN ('fine', 'confiscation') THEN penalty_amount END), 0) AS penaltyAmount,
      COALESCE(SUM(entrusted <> 0), 0) AS entrusted,
      COALESCE(SUM(issues_rectified > issues_found), 0) AS rectifiedOverFound,
      COALESCE(SUM(outcome = 'penalty' AND COALESCE(penalty_kind, 'other') NOT IN ('fine', 'confiscation') AND COALESCE(penalty_amount, 0) > 0), 0) AS amountWithoutMoney
    FROM inspections WHERE ${inYear('date')}`,
  inspectionFields: `SELECT field AS code, COUNT(*) AS count, COALESCE(SUM(issues_found), 0) AS issuesFound,
      COALESCE(SUM(issues_rectified), 0) AS issuesRectified, COALESCE(SUM(outcome = 'penalty'), 0) AS penalties
    FROM inspections WHERE ${inYear('date')} GROUP BY field ORDER BY count DESC, field`,
  penaltyKinds: `SELECT COALESCE(penalty_kind, 'other') AS code, COUNT(*) AS count FROM inspections
    WHERE ${inYear('date')} AND outcome = 'penalty' GROUP BY COALESCE(penalty_kind, 'other') ORDER BY count DESC, code`,
  work: `SELECT category, COALESCE(TRIM(subkind), '') AS subkind, COUNT(*) AS items,
      COALESCE(SUM(count), 0) AS count, COALESCE(SUM(participants), 0) AS participants,
      COALESCE(SUM(passed), 0) AS passed, COALESCE(SUM(opinions), 0) AS opinions,
      COALESCE(SUM(leader_appeared <> 0), 0) AS leaderAppeared
    FROM work_items WHERE ${inYear('date')} GROUP BY category, COALESCE(TRIM(subkind), '')`,
  // the 矛盾纠纷排查 register (schema 22): its records are the year's 排查 when it has any
  screenings: `SELECT COUNT(*) AS count FROM screenings WHERE ${inYear('date')}`,
  previous: `SELECT
      (SELECT COUNT(*) FROM activities WHERE ${inYear('date')} AND kind NOT IN ('column', 'bulletin', 'online')) AS activities,
      (SELECT COUNT(*) FROM mediation_cases WHERE ${inYear('accepted_on')}) AS mediationCases,
      (SELECT COUNT(*) FROM inspections WHERE ${inYear('date')}) AS inspections,
      (SELECT COUNT(*) FROM inspections WHERE ${inYear('date')} AND outcome = 'penalty') AS penalties`,
} as const;

interface Row {
  [k: string]: number;
}
interface CodeCount {
  code: string;
  count: number;
}

const range = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

/** Activity kinds that are not events: periodicals (期) and online posts (次), never summed into 场次. */
export const PERIODICAL_KINDS: ReadonlySet<string> = new Set(['column', 'bulletin', 'online']);

/** Training subkinds counted under 矛盾纠纷化解 rather than 学法培训. */
export const MEDIATOR_TRAINING = 'mediators';

export function computeYearStats(db: Db, year: number): YearStats {
  const p = range(year);
  const a = prepared(db, STATS_SQL.activities).get(p) as Row;
  const kinds = prepared(db, STATS_SQL.activityKinds).all(p) as CodeCount[];
  const occasions = prepared(db, STATS_SQL.occasions).all(p) as { occasion: string; count: number }[];
  const m = prepared(db, STATS_SQL.mediation).get(p) as Row;
  const types = prepared(db, STATS_SQL.disputeTypes).all(p) as (CodeCount & { success: number; closed: number })[];
  const i = prepared(db, STATS_SQL.inspections).get(p) as Row;
  const fields = prepared(db, STATS_SQL.inspectionFields).all(p) as (CodeCount & Row)[];
  const penaltyKinds = prepared(db, STATS_SQL.penaltyKinds).all(p) as CodeCount[];
  const workRows = prepared(db, STATS_SQL.work).all(p) as ({ category: string; subkind: string } & Row)[];
  const prev = prepared(db, STATS_SQL.previous).get(range(year - 1)) as Row;

  const work: YearStats['work'] = {};
  for (const r of workRows) {
    const c = (work[r.category] ??= {
      category: r.category,
      label: labelOf(WORK_CATEGORIES, r.category),
      items: 0,
      count: 0,
      participants: 0,
      passed: 0,
      opinions: 0,
      leaderAppeared: 0,
      bySubkind: [],
    });
    c.items += r.items;
    c.count += r.count;
    c.participants += r.participants;
    c.passed += r.passed;
    c.opinions += r.opinions;
    c.leaderAppeared += r.leaderAppeared;
    c.bySubkind.push({ subkind: r.subkind, items: r.items, count: r.count, participants: r.participants, passed: r.passed, opinions: r.opinions });
  }
  for (const c of Object.values(work)) c.bySubkind.sort((x, y) => y.count - x.count || x.subkind.localeCompare(y.subkind));
  // 排查 counts the 矛盾纠纷排查 records when the register has any for the year; older years
  // (排查 kept as 其他法治工作 items) keep the items' 数量
  const screenings = (prepared(db, STATS_SQL.screenings).get(p) as Row).count;
  if (screenings > 0) {
    const kept = work.screening;
    work.screening = {
      category: 'screening',
      label: labelOf(WORK_CATEGORIES, 'screening'),
      items: screenings,
      count: screenings,
      participants: kept?.participants ?? 0,
      passed: 0,
      opinions: kept?.opinions ?? 0,
      leaderAppeared: 0,
      bySubkind: [],
    };
  }

  const closed = m.total - m.inProgress;
  return {
    year,
    activities: {
      total: a.total,
      byKind: kinds.map((k) => ({ ...k, label: labelOf(ACTIVITY_KINDS, k.code) })),
      audience: a.audience,
      materials: a.materials,
      banners: a.banners,
      boards: a.boards,
      consultations: a.consultations,
      views: a.views,
      villages: a.villages,
      schools: a.schools,
      enterprises: a.enterprises,
      occasions: occasions.map((o) => o.occasion),
      previousTotal: prev.activities > 0 ? prev.activities : null,
      periodicals: kinds.filter((k) => PERIODICAL_KINDS.has(k.code)).reduce((a, k) => a + k.count, 0),
    },
    mediation: {
      total: m.total,
      success: m.success,
      failed: m.failed,
      inProgress: m.inProgress,
      suspended: m.suspended,
      closed,
      successRate: closed > 0 ? { numerator: m.success, denominator: closed } : null,
      byType: types.map((t) => ({ ...t, label: labelOf(DISPUTE_TYPES, t.code) })),
      written: m.written,
      oral: m.oral,
      previousTotal: prev.mediationCases > 0 ? prev.mediationCases : null,
    },
    inspections: {
      total: i.total,
      issuesFound: i.issuesFound,
      issuesRectified: i.issuesRectified,
      rectificationRate: i.issuesFound > 0 ? { numerator: i.issuesRectified, denominator: i.issuesFound } : null,
      penalties: i.penalties,
      penaltyAmount: i.penaltyAmount,
      entrusted: i.entrusted,
      byField: fields.map((f) => ({
        code: f.code,
        count: f.count,
        label: labelOf(INSPECTION_FIELDS, f.code),
        issuesFound: f.issuesFound,
        issuesRectified: f.issuesRectified,
        penalties: f.penalties,
      })),
      penaltiesByKind: penaltyKinds.map((k) => ({ ...k, label: labelOf(PENALTY_KINDS, k.code) })),
      previousTotal: prev.inspections > 0 ? prev.inspections : null,
      // 同比 of penalties only where the previous year had inspection records and some penalty
      previousPenalties: prev.inspections > 0 && prev.penalties > 0 ? prev.penalties : null,
    },
    work,
    checks: {
      closedBeforeAccepted: m.closedBeforeAccepted,
      rectifiedOverFound: i.rectifiedOverFound,
      amountWithoutMoney: i.amountWithoutMoney,
    },
  };
}
