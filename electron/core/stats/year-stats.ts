// Every figure the annual report states, aggregated in SQL from one year's live
// records. Only counting columns are read: never a personal field (当事人, 纠纷简要情况).
import type { YearStats } from '../../shared/contract/stats.ts';
import { ACTIVITY_KINDS, DISPUTE_TYPES, INSPECTION_FIELDS, PENALTY_KINDS, WORK_CATEGORIES, labelOf } from '../../shared/enums.ts';
import { withMappedReads, type Db } from '../db/connection.ts';
import { prepared, type CachedStatement } from '../db/statements.ts';
import { readsWholeTable } from '../db/year-share.ts';

const LIVE = 'deleted_at IS NULL';
const inYear = (col: string) => `${LIVE} AND ${col} >= @from AND ${col} < @to`;

/**
 * The day a penalty counts in (shared/spec/enforcement-data.md): its 处罚决定日期, else the inspection's date.
 * The 行政执法数据's 表一, the 法治政府 report's own penalties and the 政务公开年报's 行政处罚 row all use it.
 */
export const DECIDED_ON = "COALESCE(NULLIF(penalty_decided_on, ''), date)";

const DECIDED_IN_YEAR = "(COALESCE(penalty_decided_on, '') = '' OR (penalty_decided_on >= @from AND penalty_decided_on < @to))";

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
  // the year's activities by kind (most first) and its 节点 (in the order of their first day), from one
  // read of the year grouped by both: a 节点 is a few dozen kind-and-节点 groups, not a second pass
  activityGroups: `WITH g AS MATERIALIZED (
      SELECT kind, TRIM(occasion) AS occasion, COUNT(*) AS count, MIN(date) AS first FROM activities
      WHERE ${inYear('date')} GROUP BY kind, TRIM(occasion))
    SELECT part, code, count, first FROM (
      SELECT 'kind' AS part, kind AS code, SUM(count) AS count, NULL AS first FROM g GROUP BY kind
      UNION ALL
      SELECT 'occasion', occasion, SUM(count), MIN(first) FROM g WHERE COALESCE(occasion, '') <> '' GROUP BY occasion)
    ORDER BY part, CASE part WHEN 'kind' THEN -count END, first, code`,
  // the year's cases by dispute type, every figure a sum: the totals are the types' sums (one pass, not two)
  mediation: `SELECT type AS code, COUNT(*) AS total,
      COALESCE(SUM(status = 'success'), 0) AS success, COALESCE(SUM(status = 'failed'), 0) AS failed,
      COALESCE(SUM(status = 'in_progress'), 0) AS inProgress, COALESCE(SUM(status = 'suspended'), 0) AS suspended,
      COALESCE(SUM(agreement = 'written'), 0) AS written, COALESCE(SUM(agreement = 'oral'), 0) AS oral,
      COALESCE(SUM(closed_on IS NOT NULL AND closed_on <> '' AND closed_on < accepted_on), 0) AS closedBeforeAccepted,
      COALESCE(SUM(status IN ('success', 'failed') AND (closed_on IS NULL OR closed_on = '')), 0) AS closedWithoutDate
    FROM mediation_cases WHERE ${inYear('accepted_on')}
    GROUP BY type ORDER BY total DESC, type`,
  // the year's inspections by field, every figure a sum: the totals are the fields' sums (one pass, not two)
  inspections: `SELECT field AS code, COUNT(*) AS total,
      COALESCE(SUM(issues_found), 0) AS issuesFound, COALESCE(SUM(issues_rectified), 0) AS issuesRectified,
      COALESCE(SUM(outcome = 'penalty'), 0) AS penalties,
      COALESCE(SUM(CASE WHEN outcome = 'penalty' AND penalty_kind IN ('fine', 'confiscation') THEN penalty_amount END), 0) AS penaltyAmount,
      COALESCE(SUM(entrusted <> 0), 0) AS entrusted,
      -- 涉企行政检查 (issue 21; enterprise/visits.ts isEnterpriseInspection), 巡查 left out
      -- and whether the year records them at all (an item, a credit code or the officers one by one)
      COALESCE(SUM(item_code IS NOT NULL OR credit_code IS NOT NULL OR COALESCE(inspector_list, '[]') <> '[]'), 0) AS enterpriseRecorded,
      COALESCE(SUM((credit_code IS NOT NULL OR target_type IN ('enterprise', 'individual') OR (target_type IS NULL AND inspection_type IS NOT NULL)) AND COALESCE(mode, '') <> 'patrol'), 0) AS enterprise,
      COALESCE(SUM(issues_rectified > issues_found), 0) AS rectifiedOverFound,
      COALESCE(SUM(outcome = 'penalty' AND COALESCE(penalty_kind, 'other') NOT IN ('fine', 'confiscation') AND COALESCE(penalty_amount, 0) > 0), 0) AS amountWithoutMoney,
      -- the township's own acts (issue 20): own penalties = decisions in its own name (not 受委托) decided in
      -- the year (表一's 合计; with penaltiesDecidedThisYear, those of inspections dated in another year);
      -- own inspections = the year's inspections of a specific object, not 受委托 and not 巡查 (表四's 行政检查)
      -- (DECIDED_ON in the year, for an inspection dated in it: no 决定日期, or one in the year)
      COALESCE(SUM(outcome = 'penalty' AND entrusted = 0 AND ${DECIDED_IN_YEAR}), 0) AS ownPenalties,
      COALESCE(SUM(outcome = 'penalty' AND entrusted <> 0 AND ${DECIDED_IN_YEAR}), 0) AS entrustedPenalties,
      COALESCE(SUM(entrusted = 0 AND COALESCE(mode, '') <> 'patrol'), 0) AS ownInspections
    FROM inspections WHERE ${inYear('date')} GROUP BY field ORDER BY total DESC, field`,
  // the penalties decided in the year on inspections dated in another year (a December inspection
  // decided in January): few, read through the outcome index rather than a second pass over the year
  penaltiesDecidedThisYear: `SELECT COALESCE(SUM(entrusted = 0), 0) AS ownPenalties, COALESCE(SUM(entrusted <> 0), 0) AS entrustedPenalties
    FROM inspections WHERE ${LIVE} AND outcome = 'penalty' AND NOT (date >= @from AND date < @to)
      AND penalty_decided_on >= @from AND penalty_decided_on < @to`,
  penaltyKinds: `SELECT COALESCE(penalty_kind, 'other') AS code, COUNT(*) AS count FROM inspections
    WHERE ${inYear('date')} AND outcome = 'penalty' GROUP BY COALESCE(penalty_kind, 'other') ORDER BY count DESC, code`,
  work: `SELECT category, COALESCE(TRIM(subkind), '') AS subkind, COUNT(*) AS items,
      COALESCE(SUM(count), 0) AS count, COALESCE(SUM(participants), 0) AS participants,
      COALESCE(SUM(passed), 0) AS passed, COALESCE(SUM(opinions), 0) AS opinions,
      COALESCE(SUM(leader_appeared <> 0), 0) AS leaderAppeared
    FROM work_items WHERE ${inYear('date')} GROUP BY category, COALESCE(TRIM(subkind), '')`,
  // the 矛盾纠纷排查 register (schema 22): its records are the year's 排查 when it has any
  screenings: `SELECT COUNT(*) AS count FROM screenings WHERE ${inYear('date')}`,
  // the year before's counts for 同比, from the indexes alone: its activities are all of them less the
  // periodicals (kind is never empty), each count read from a narrow index (kind NOT IN looked up every row)
  previous: `SELECT
      (SELECT COUNT(*) FROM activities WHERE ${inYear('date')})
        - (SELECT COUNT(*) FROM activities WHERE ${inYear('date')} AND kind IN ('column', 'bulletin', 'online')) AS activities,
      (SELECT COUNT(*) FROM mediation_cases WHERE ${inYear('accepted_on')}) AS mediationCases`,
  // the year before's inspections in one read (the 涉企 figures need the rows: four passes were two table reads)
  previousInspections: `SELECT COUNT(*) AS inspections, COALESCE(SUM(outcome = 'penalty'), 0) AS penalties,
      COALESCE(SUM((credit_code IS NOT NULL OR target_type IN ('enterprise', 'individual') OR (target_type IS NULL AND inspection_type IS NOT NULL)) AND COALESCE(mode, '') <> 'patrol'), 0) AS enterprise,
      COALESCE(SUM(item_code IS NOT NULL OR credit_code IS NOT NULL OR COALESCE(inspector_list, '[]') <> '[]'), 0) AS enterpriseRecorded
    FROM inspections WHERE ${inYear('date')}`,
} as const;

interface Row {
  [k: string]: number;
}
interface CodeCount {
  code: string;
  count: number;
}

/** The figures of a year from its groups' rows: each numeric column summed (all zero for a year without rows). */
function totalOf(statement: CachedStatement, groups: readonly Row[]): Row {
  const total: Row = {};
  for (const c of statement.columns()) if (c.name !== 'code') total[c.name] = 0;
  for (const g of groups) for (const k of Object.keys(total)) total[k] += g[k];
  return total;
}

const range = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

/** Activity kinds that are not events: periodicals (期) and online posts (次), never summed into 场次. */
export const PERIODICAL_KINDS: ReadonlySet<string> = new Set(['column', 'bulletin', 'online']);

/** Training subkinds counted under 矛盾纠纷化解 rather than 学法培训. */
export const MEDIATOR_TRAINING = 'mediators';

const DATE_COLUMN = { activities: 'date', mediation_cases: 'accepted_on', inspections: 'date', work_items: 'date' } as const;
type StatsTable = keyof typeof DATE_COLUMN;

/** The tables whose year is read whole (NOT INDEXED), by db/year-share.ts's rule. */
function scannedTables(db: Db, p: { from: string; to: string }, tables = Object.keys(DATE_COLUMN) as StatsTable[]): Set<StatsTable> {
  return new Set(tables.filter((table) => readsWholeTable(db, table, DATE_COLUMN[table], p)));
}

/** A statement of STATS_SQL with its table read whole (NOT INDEXED) when scannedTables chose it. */
function planned(sql: string, scan: Set<StatsTable>): string {
  return scan.size
    ? sql.replace(/FROM (activities|mediation_cases|inspections|work_items)(\s+)WHERE/g, (m, t: StatsTable, sp: string) =>
        scan.has(t) ? `FROM ${t} NOT INDEXED${sp}WHERE` : m,
      )
    : sql;
}

/** The statements computeYearStats runs for a year, with their parameters (the bench's floor runs exactly these). */
export function yearStatsStatements(db: Db, year: number): { key: keyof typeof STATS_SQL; sql: string; params: { from: string; to: string } }[] {
  const p = range(year);
  const before = range(year - 1);
  const scan = scannedTables(db, p);
  return (Object.keys(STATS_SQL) as (keyof typeof STATS_SQL)[]).map((key) =>
    // penalties are few: their partial outcome index beats any scan; the previous year's counts are index-only
    key === 'penaltyKinds' || key === 'penaltiesDecidedThisYear' || key === 'previous'
      ? { key, sql: STATS_SQL[key], params: key === 'previous' ? before : p }
      : key === 'previousInspections'
        ? { key, sql: planned(STATS_SQL[key], scannedTables(db, before, ['inspections'])), params: before }
        : { key, sql: planned(STATS_SQL[key], scan), params: p },
  );
}

export function computeYearStats(db: Db, year: number): YearStats {
  // every register table is scanned (or its year read through the date index): mapped, not copied
  return withMappedReads(db, () => yearStats(db, year));
}

function yearStats(db: Db, year: number): YearStats {
  const st = Object.fromEntries(yearStatsStatements(db, year).map((x) => [x.key, x])) as unknown as Record<
    keyof typeof STATS_SQL,
    { sql: string; params: object }
  >;
  const run = (k: keyof typeof STATS_SQL) => prepared(db, st[k].sql);
  const p = st.activities.params;
  const a = run('activities').get(p) as Row;
  const groups = run('activityGroups').all(p) as ({ part: 'kind' | 'occasion' } & CodeCount)[];
  const kinds = groups.filter((g) => g.part === 'kind').map((g) => ({ code: g.code, count: g.count }));
  const occasions = groups.filter((g) => g.part === 'occasion').map((g) => g.code);
  const types = run('mediation').all(p) as ({ code: string } & Row)[];
  const m = totalOf(run('mediation'), types);
  const fields = run('inspections').all(p) as ({ code: string } & Row)[];
  const i = totalOf(run('inspections'), fields);
  const penaltyKinds = run('penaltyKinds').all(p) as CodeCount[];
  const later = run('penaltiesDecidedThisYear').get(p) as Row;
  const workRows = run('work').all(p) as ({ category: string; subkind: string } & Row)[];
  const prev = { ...(run('previous').get(st.previous.params) as Row), ...(run('previousInspections').get(st.previousInspections.params) as Row) };

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
      occasions,
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
      byType: types.map((t) => ({
        code: t.code,
        count: t.total,
        success: t.success,
        closed: t.total - t.inProgress,
        label: labelOf(DISPUTE_TYPES, t.code),
      })),
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
        count: f.total,
        label: labelOf(INSPECTION_FIELDS, f.code),
        issuesFound: f.issuesFound,
        issuesRectified: f.issuesRectified,
        penalties: f.penalties,
      })),
      penaltiesByKind: penaltyKinds.map((k) => ({ ...k, label: labelOf(PENALTY_KINDS, k.code) })),
      previousTotal: prev.inspections > 0 ? prev.inspections : null,
      // 同比 of penalties only where the previous year had inspection records and some penalty
      previousPenalties: prev.inspections > 0 && prev.penalties > 0 ? prev.penalties : null,
      // a ledger that does not record 涉企行政检查 yet (kept before 2025's rules) states no such figure
      enterprise: i.enterpriseRecorded > 0 ? i.enterprise : 0,
      previousEnterprise: prev.enterpriseRecorded > 0 && prev.enterprise > 0 ? prev.enterprise : null,
    },
    // the township's own work and the work done in another office's name (受委托), by the counting rules of
    // the 行政执法数据 (表一's 合计, 表四's 行政检查): the three documents state the same figures
    enforcement: {
      ownPenalties: i.ownPenalties + later.ownPenalties,
      entrustedPenalties: i.entrustedPenalties + later.entrustedPenalties,
      ownInspections: i.ownInspections,
    },
    work,
    checks: {
      closedBeforeAccepted: m.closedBeforeAccepted,
      rectifiedOverFound: i.rectifiedOverFound,
      amountWithoutMoney: i.amountWithoutMoney,
      closedWithoutDate: m.closedWithoutDate,
    },
  };
}
