// The 审稿 list: a reviewer's items before export, gathered from a list of
// providers — functions (db, year, env) → review items. Another report's checks
// (e.g. agreement with the 政务公开年报) join with one line in REVIEW_PROVIDERS.
import type { ReviewItem, ReviewSeverity } from '../../shared/contract/report.ts';
import type { YearStats } from '../../shared/contract/stats.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { opennessReview } from '../openness/checks.ts';
import { caseDataWarnings } from '../cases/checks.ts';

/** What a provider may use besides the database; the composed report's own items come in `composed`. */
export interface ReviewEnv {
  /** YYYY-MM-DD */
  today: string;
  /** items found while composing (drafts, 成文日期, slips, contradictions …) */
  composed: ReviewItem[];
  /** items of the personal-data screen */
  privacy: ReviewItem[];
  /** the year's statistics when already computed (their check counts spare a scan) */
  stats?: YearStats;
}

export type ReviewProvider = (db: Db, year: number, env: ReviewEnv) => ReviewItem[];

const LIVE_IN_YEAR = (col: string) => `deleted_at IS NULL AND ${col} >= @from AND ${col} < @to`;

/** Data checks before export; reads dates, statuses and counts only. */
export const CHECK_SQL = {
  inProgress: `SELECT COUNT(*) AS n FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')} AND status = 'in_progress'`,
  closedBeforeAccepted: `SELECT COUNT(*) AS n FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')}
    AND closed_on IS NOT NULL AND closed_on <> '' AND closed_on < accepted_on`,
  // each range starts after today: the date indexes answer it without a scan
  future: `SELECT
      (SELECT COUNT(*) FROM activities WHERE deleted_at IS NULL AND date > @today AND date < @to AND date >= @from) +
      (SELECT COUNT(*) FROM mediation_cases WHERE deleted_at IS NULL AND accepted_on > @today AND accepted_on < @to AND accepted_on >= @from) +
      (SELECT COUNT(*) FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')} AND accepted_on <= @today AND closed_on > @today AND @today < @to) +
      (SELECT COUNT(*) FROM inspections WHERE deleted_at IS NULL AND date > @today AND date < @to AND date >= @from) +
      (SELECT COUNT(*) FROM work_items WHERE deleted_at IS NULL AND date > @today AND date < @to AND date >= @from) AS n`,
  rectifiedOverFound: `SELECT COUNT(*) AS n FROM inspections WHERE ${LIVE_IN_YEAR('date')} AND issues_rectified > issues_found`,
  amountWithoutMoney: `SELECT COUNT(*) AS n FROM inspections WHERE ${LIVE_IN_YEAR('date')} AND outcome = 'penalty'
    AND COALESCE(penalty_kind, 'other') NOT IN ('fine', 'confiscation') AND COALESCE(penalty_amount, 0) > 0`,
  warningWithAmount: `SELECT id, date, target, target_type AS targetType, penalty_decision_no AS decisionNo FROM inspections
    WHERE ${LIVE_IN_YEAR('date')} AND outcome = 'penalty'
    AND COALESCE(penalty_kind, 'other') NOT IN ('fine', 'confiscation') AND COALESCE(penalty_amount, 0) > 0 ORDER BY date, target LIMIT 200`,
  rectifiedOverFoundRows: `SELECT id, date, target, target_type AS targetType, penalty_decision_no AS decisionNo FROM inspections
    WHERE ${LIVE_IN_YEAR('date')} AND issues_rectified > issues_found ORDER BY date, target LIMIT 200`,
} as const;

interface InspectionRow {
  id: string;
  date: string;
  target: string;
  targetType: string | null;
  decisionNo: string | null;
}

/** An inspection as a 审稿 line names it: its date and 检查对象 (a 个体工商户 by its 处罚决定书文号, not its name). */
export function inspectionName(r: InspectionRow): string {
  const who = r.targetType === 'individual' ? `个体工商户${r.decisionNo ? `（${r.decisionNo}）` : ''}` : r.target.trim().slice(0, 30);
  return `${r.date} ${who}`;
}

/** One line for one record; one grouped line (「20条执法检查：…」 + the list) for several with the same problem. */
export function groupedInspections(rows: InspectionRow[], kind: string, problem: string, field: string): ReviewItem[] {
  if (!rows.length) return [];
  if (rows.length === 1)
    return [
      {
        kind,
        severity: 'warning',
        message: `执法检查（${inspectionName(rows[0])}）：${problem}。`,
        link: { page: 'register', register: 'inspections', recordId: rows[0].id, field },
      },
    ];
  const shown = rows.slice(0, 10).map(inspectionName);
  return [
    {
      kind,
      severity: 'warning',
      message: `${rows.length}条执法检查：${problem}。这些记录是：${shown.join('；')}${rows.length > shown.length ? `等${rows.length}条` : ''}。`,
      link: { page: 'register', register: 'inspections', recordId: rows[0].id, field },
    },
  ];
}

/** The data checks: cases 调解中, impossible and future dates, a warning with a fine, 整改 > 发现. */
export const dataChecks: ReviewProvider = (db, year, env) => {
  const p = { from: `${year}-01-01`, to: `${year + 1}-01-01`, today: env.today };
  const out: ReviewItem[] = [];
  const n = (sql: string) => (prepared(db, sql).get(p) as { n: number }).n;
  const s = env.stats;
  const inProgress = s ? s.mediation.inProgress : n(CHECK_SQL.inProgress);
  if (inProgress > 0)
    out.push({
      kind: 'cases_in_progress',
      severity: 'warning',
      message: `有${inProgress}件调解案件仍为“调解中”，不计入调解成功率。请核实是否已结案。`,
      link: { page: 'register', register: 'mediationCases' },
    });
  const bad = s ? s.checks.closedBeforeAccepted : n(CHECK_SQL.closedBeforeAccepted);
  if (bad > 0)
    out.push({
      kind: 'impossible_dates',
      severity: 'warning',
      message: `有${bad}件调解案件的结案日期早于受理日期，请更正。`,
      link: { page: 'register', register: 'mediationCases' },
    });
  const future = n(CHECK_SQL.future);
  if (future > 0) out.push({ kind: 'future_dates', severity: 'warning', message: `有${future}条记录的日期晚于今天（${env.today}），请核实。` });
  // the rows are read only when the counts say there are some; each line names its records, identical problems grouped
  if ((s ? s.checks.amountWithoutMoney : n(CHECK_SQL.amountWithoutMoney)) > 0) {
    const rows = prepared(db, CHECK_SQL.warningWithAmount).all(p) as InspectionRow[];
    out.push(
      ...groupedInspections(
        rows,
        'penalty_amount_without_money',
        '处罚种类不是罚款或没收，却填了罚没金额；罚没金额只计罚款和没收，这笔金额未计入报告。请核对处罚种类或金额',
        'penaltyAmount',
      ),
    );
  }
  if ((s ? s.checks.rectifiedOverFound : n(CHECK_SQL.rectifiedOverFound)) > 0) {
    const rows = prepared(db, CHECK_SQL.rectifiedOverFoundRows).all(p) as InspectionRow[];
    out.push(...groupedInspections(rows, 'rectified_over_found', '已整改处数多于发现问题处数，请更正', 'issuesRectified'));
  }
  return out;
};

/** The report's own items (composed) and the personal-data screen, as providers too. */
export const composedItems: ReviewProvider = (_db, _year, env) => env.composed;
export const privacyItems: ReviewProvider = (_db, _year, env) => env.privacy;

/** Every provider, in the order the list shows them (one line to add another). */
export const REVIEW_PROVIDERS: ReviewProvider[] = [
  privacyItems,
  composedItems,
  dataChecks,
  // 人民调解: duplicate 案号, 调结 without 结案日期 (rows the form would now refuse)
  (db, year, env) =>
    caseDataWarnings(db, year, { closedWithoutDate: env.stats?.checks.closedWithoutDate }).map((w): ReviewItem => ({
      kind: w.code,
      severity: 'warning',
      message: w.message,
      link: { page: 'register', register: 'mediationCases', ...(w.ids.length === 1 ? { recordId: w.ids[0] } : {}) },
    })),
  // the two statutory reports state some facts twice: they must agree (政务公开年报 checks)
  (db, year, env) =>
    opennessReview(db, year, env.stats).map((i): ReviewItem => ({
      kind: i.id,
      severity: i.severity === 'error' ? 'warning' : i.severity === 'warning' ? 'warning' : 'suggestion',
      message: `政务公开年报核对：${i.message}`,
      ...(i.link ? { link: { page: 'route', path: i.link.path, query: i.link.query } } : {}),
    })),
];

const ORDER: Record<ReviewSeverity, number> = { block: 0, warning: 1, suggestion: 2 };

/** Runs every provider; blocking items first, then warnings, then suggestions (stable within each). */
export function runReview(db: Db, year: number, env: ReviewEnv, providers: readonly ReviewProvider[] = REVIEW_PROVIDERS): ReviewItem[] {
  const all = providers.flatMap((p) => p(db, year, env));
  return all
    .map((item, i) => ({ item, i }))
    .sort((a, b) => ORDER[a.item.severity] - ORDER[b.item.severity] || a.i - b.i)
    .map((x) => x.item);
}

/** One line of the CLI's stderr list. */
export function reviewLine(item: ReviewItem): string {
  const tag = item.severity === 'block' ? '不能导出' : item.mustCheck ? '必须核对' : item.severity === 'warning' ? '请核对' : '建议';
  return `[${tag}] ${item.message}`;
}
