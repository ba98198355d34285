// The 审稿 list: a reviewer's items before export, gathered from a list of
// providers — functions (db, year, env) → review items. Another report's checks
// (e.g. agreement with the 政务公开年报) join with one line in REVIEW_PROVIDERS.
import type { ReviewItem, ReviewSeverity } from '../../shared/contract/report.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../registers/repository.ts';

/** What a provider may use besides the database; the composed report's own items come in `composed`. */
export interface ReviewEnv {
  /** YYYY-MM-DD */
  today: string;
  /** items found while composing (drafts, 成文日期, slips, contradictions …) */
  composed: ReviewItem[];
  /** items of the personal-data screen */
  privacy: ReviewItem[];
}

export type ReviewProvider = (db: Db, year: number, env: ReviewEnv) => ReviewItem[];

const LIVE_IN_YEAR = (col: string) => `deleted_at IS NULL AND ${col} >= @from AND ${col} < @to`;

/** Data checks before export; reads dates, statuses and counts only. */
export const CHECK_SQL = {
  inProgress: `SELECT COUNT(*) AS n FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')} AND status = 'in_progress'`,
  closedBeforeAccepted: `SELECT COUNT(*) AS n FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')}
    AND closed_on IS NOT NULL AND closed_on <> '' AND closed_on < accepted_on`,
  future: `SELECT
      (SELECT COUNT(*) FROM activities WHERE ${LIVE_IN_YEAR('date')} AND date > @today) +
      (SELECT COUNT(*) FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')} AND (accepted_on > @today OR closed_on > @today)) +
      (SELECT COUNT(*) FROM inspections WHERE ${LIVE_IN_YEAR('date')} AND date > @today) +
      (SELECT COUNT(*) FROM work_items WHERE ${LIVE_IN_YEAR('date')} AND date > @today) AS n`,
  warningWithAmount: `SELECT id, date FROM inspections WHERE ${LIVE_IN_YEAR('date')} AND outcome = 'penalty'
    AND penalty_kind NOT IN ('fine', 'confiscation') AND COALESCE(penalty_amount, 0) > 0 ORDER BY date LIMIT 20`,
  rectifiedOverFound: `SELECT id, date FROM inspections WHERE ${LIVE_IN_YEAR('date')} AND issues_rectified > issues_found ORDER BY date LIMIT 20`,
} as const;

/** The data checks: cases 调解中, impossible and future dates, a warning with a fine, 整改 > 发现. */
export const dataChecks: ReviewProvider = (db, year, env) => {
  const p = { from: `${year}-01-01`, to: `${year + 1}-01-01`, today: env.today };
  const out: ReviewItem[] = [];
  const n = (sql: string) => (prepared(db, sql).get(p) as { n: number }).n;
  const inProgress = n(CHECK_SQL.inProgress);
  if (inProgress > 0) out.push({ kind: 'cases_in_progress', severity: 'warning', message: `有${inProgress}件调解案件仍为“调解中”，不计入调解成功率。请核实是否已结案。`, link: { page: 'register', register: 'mediationCases' } });
  const bad = n(CHECK_SQL.closedBeforeAccepted);
  if (bad > 0) out.push({ kind: 'impossible_dates', severity: 'warning', message: `有${bad}件调解案件的结案日期早于受理日期，请更正。`, link: { page: 'register', register: 'mediationCases' } });
  const future = n(CHECK_SQL.future);
  if (future > 0) out.push({ kind: 'future_dates', severity: 'warning', message: `有${future}条记录的日期晚于今天（${env.today}），请核实。` });
  for (const r of prepared(db, CHECK_SQL.warningWithAmount).all(p) as { id: string; date: string }[]) {
    out.push({ kind: 'penalty_amount_without_money', severity: 'warning', message: `${r.date}的行政执法检查：处罚种类不是罚款或没收，却填了罚没金额；罚没金额只计罚款和没收，这笔金额未计入报告。请核对处罚种类或金额。`, link: { page: 'register', register: 'inspections', recordId: r.id, field: 'penaltyAmount' } });
  }
  for (const r of prepared(db, CHECK_SQL.rectifiedOverFound).all(p) as { id: string; date: string }[]) {
    out.push({ kind: 'rectified_over_found', severity: 'warning', message: `${r.date}的行政执法检查：已整改处数多于发现问题处数，请更正。`, link: { page: 'register', register: 'inspections', recordId: r.id, field: 'issuesRectified' } });
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
];

const ORDER: Record<ReviewSeverity, number> = { block: 0, warning: 1, suggestion: 2 };

/** Runs every provider; blocking items first, then warnings, then suggestions (stable within each). */
export function runReview(db: Db, year: number, env: ReviewEnv, providers: readonly ReviewProvider[] = REVIEW_PROVIDERS): ReviewItem[] {
  const all = providers.flatMap((p) => p(db, year, env));
  return all.map((item, i) => ({ item, i })).sort((a, b) => ORDER[a.item.severity] - ORDER[b.item.severity] || a.i - b.i).map((x) => x.item);
}

/** One line of the CLI's stderr list. */
export function reviewLine(item: ReviewItem): string {
  const tag = item.severity === 'block' ? '不能导出' : item.severity === 'warning' ? '请核对' : '建议';
  return `[${tag}] ${item.message}`;
}
