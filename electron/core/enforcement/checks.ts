// The agreement of the 行政执法数据 with the 法治政府建设情况报告 and the 政务公开年报
// (shared/spec/enforcement-data.md, “Agreement with the other two reports”), and the data warnings
// of the year's inspections. Every item names both figures and links to the records behind them.
import type { ReviewItem } from '../../shared/contract/openness.ts';
import { registerPath } from '../../shared/registers.ts';
import type { YearStats } from '../../shared/contract/stats.ts';
import { actsFilled, type EnforcementActs } from '../../shared/enforcement.ts';
import type { OpennessYear } from '../../shared/openness.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { DECIDED_ON } from '../stats/year-stats.ts';
import { EVERY_INSPECTION, type EnforcementCounts } from './figures.ts';

const link = (label: string, path: string, year: number, filters: Record<string, string> = {}) => ({
  label,
  path,
  query: { year: String(year), ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [`f.${k}`, v])) },
});

/** What the two other reports state (or stated when exported) about the township's own acts. */
export interface OtherReports {
  /** the 法治政府 report's own penalties and own inspections (YearStats.inspections) */
  law: { ownPenalties: number; ownInspections: number };
  /** the 政务公开年报's 行政处罚 row as the ledger gives it now, and as published when exported */
  openness: { penalties: number; licenses: number; coercions: number; exported: { exportedAt: string; penalties: number } | null };
}

export function otherReports(
  stats: YearStats,
  opennessNow: { penalties: number; licenses: number; coercions: number },
  exported: OtherReports['openness']['exported'],
): OtherReports {
  return {
    law: { ownPenalties: stats.enforcement.ownPenalties, ownInspections: stats.enforcement.ownInspections },
    openness: { ...opennessNow, exported },
  };
}

/** Every agreement check (pure). */
export function agreementChecks(
  year: number,
  c: EnforcementCounts,
  acts: EnforcementActs,
  openness: OpennessYear,
  other: OtherReports,
  licenseAndCoercion: { licenses: number; coercions: number },
): ReviewItem[] {
  const out: ReviewItem[] = [];
  const penalties = link('查看本年度行政处罚', registerPath('inspections'), year, { outcome: 'penalty', entrusted: 'false' });
  const total = c.ownPenalties;
  if (other.law.ownPenalties !== total)
    out.push({
      id: 'enforcement.law.penalties',
      severity: 'error',
      link: penalties,
      message: `行政处罚：表一合计${total}宗，《法治政府建设情况报告》写本机关作出行政处罚${other.law.ownPenalties}件，两者应一致。请核对行政执法台账中处理结果为“行政处罚”的记录（处罚决定日期、受委托执法）。`,
    });
  if (other.openness.penalties !== total)
    out.push({
      id: 'enforcement.openness.penalties',
      severity: 'error',
      link: penalties,
      message: `行政处罚：表一合计${total}宗，政务公开年报表二“行政处罚”为${other.openness.penalties}件，两者应一致。`,
    });
  const ex = other.openness.exported;
  if (ex && ex.penalties !== total)
    out.push({
      id: 'enforcement.openness.exported',
      severity: 'error',
      link: penalties,
      message: `行政处罚：表一合计${total}宗，${ex.exportedAt.slice(0, 10)}导出的政务公开年报表二“行政处罚”写${ex.penalties}件。台账在导出后有变动，请核对变动的记录，并重新生成政务公开年报或改正台账。`,
    });
  if (other.law.ownInspections !== c.inspections)
    out.push({
      id: 'enforcement.law.inspections',
      severity: c.penalizedInspections > 0 && other.law.ownInspections - c.inspections === c.penalizedInspections ? 'warning' : 'error',
      link: link('查看本年度行政检查', registerPath('inspections'), year, { entrusted: 'false' }),
      message:
        c.penalizedInspections > 0 && other.law.ownInspections - c.inspections === c.penalizedInspections
          ? `行政检查：表四为${c.inspections}次（按山西样式不计作出行政处罚的${c.penalizedInspections}次检查），《法治政府建设情况报告》写本机关行政检查${other.law.ownInspections}次。请在总体情况中说明口径，或在设置中关闭该选项。`
          : `行政检查：表四为${c.inspections}次，《法治政府建设情况报告》写本机关行政检查${other.law.ownInspections}次，两者应一致。`,
    });
  if (actsFilled(acts)) {
    // the 政务公开年报's 行政许可 / 行政强制 rows follow 表二 / 表三 when the detail is kept
    const opennessLink = { label: '去年度信息', path: '/year-profile', query: { year: String(year) } };
    if (other.openness.licenses !== licenseAndCoercion.licenses)
      out.push({
        id: 'enforcement.openness.licenses',
        severity: 'error',
        link: opennessLink,
        message: `行政许可：表二许可、不予许可、撤销许可合计${licenseAndCoercion.licenses}宗，政务公开年报表二“行政许可”为${other.openness.licenses}件，两者应一致。`,
      });
    if (other.openness.coercions !== licenseAndCoercion.coercions)
      out.push({
        id: 'enforcement.openness.coercions',
        severity: 'error',
        link: opennessLink,
        message: `行政强制：表三合计${licenseAndCoercion.coercions}宗，政务公开年报表二“行政强制”为${other.openness.coercions}件，两者应一致。`,
      });
    if (openness.licenses !== null && openness.licenses !== licenseAndCoercion.licenses)
      out.push({
        id: 'enforcement.openness.licenses.entered',
        severity: 'info',
        link: opennessLink,
        message: `年度信息中政务公开年报的“行政许可”填写为${openness.licenses}件，现按表二的许可、不予许可、撤销许可合计${licenseAndCoercion.licenses}件计入政务公开年报。`,
      });
    if (openness.coercions !== null && openness.coercions !== licenseAndCoercion.coercions)
      out.push({
        id: 'enforcement.openness.coercions.entered',
        severity: 'info',
        link: opennessLink,
        message: `年度信息中政务公开年报的“行政强制”填写为${openness.coercions}件，现按表三合计${licenseAndCoercion.coercions}件计入政务公开年报。`,
      });
  }
  return out;
}

export const ENFORCEMENT_CHECK_SQL = {
  /** own penalties of the year with 罚款/没收 but no amount; penalties without a 决定日期 inspected in late December */
  gaps: `SELECT
      COALESCE(SUM(outcome = 'penalty' AND entrusted = 0 AND penalty_kind IN ('fine', 'confiscation') AND COALESCE(penalty_amount, 0) = 0
        AND ${DECIDED_ON} >= @from AND ${DECIDED_ON} < @to), 0) AS noAmount,
      COALESCE(SUM(outcome = 'penalty' AND penalty_decided_on IS NULL AND date >= @lateDecember AND date < @to), 0) AS undated,
      COALESCE(SUM(outcome = 'penalty' AND entrusted = 0 AND penalty_procedure IS NULL AND ${DECIDED_ON} >= @from AND ${DECIDED_ON} < @to), 0) AS noProcedure
    FROM ${EVERY_INSPECTION} WHERE deleted_at IS NULL AND ((date >= @from AND date < @to) OR (penalty_decided_on >= @from AND penalty_decided_on < @to))`,
} as const;

/** Data warnings: what the clerk should look at before publishing. */
export function dataWarnings(
  db: Db,
  year: number,
  c: EnforcementCounts,
  acts: EnforcementActs,
  people: { required: number | null; certified: number | null },
): ReviewItem[] {
  const out: ReviewItem[] = [];
  const g = prepared(db, ENFORCEMENT_CHECK_SQL.gaps).get({ from: `${year}-01-01`, to: `${year + 1}-01-01`, lateDecember: `${year}-12-15` }) as Record<
    string,
    number
  >;
  const inspections = registerPath('inspections');
  if (g.noAmount)
    out.push({
      id: 'enforcement.noAmount',
      severity: 'warning',
      link: link('查看罚款、没收处罚', inspections, year, { outcome: 'penalty', penaltyKind: 'fine' }),
      message: `有${g.noAmount}宗罚款或没收的处罚没有填写罚没金额，表一的罚没金额会偏少。`,
    });
  if (g.undated)
    out.push({
      id: 'enforcement.undated',
      severity: 'info',
      link: link('查看年底的行政处罚', inspections, year, { outcome: 'penalty' }),
      message: `有${g.undated}宗12月中旬以后检查的处罚没有填写处罚决定日期，按检查日期计入${year}年。决定在${year + 1}年作出的，请填写处罚决定日期。`,
    });
  if (g.noProcedure)
    out.push({
      id: 'enforcement.noProcedure',
      severity: 'info',
      link: link('查看行政处罚', inspections, year, { outcome: 'penalty' }),
      message: `有${g.noProcedure}宗行政处罚没有填写处罚程序（简易程序或普通程序）。`,
    });
  if (c.patrols)
    out.push({
      id: 'enforcement.patrols',
      severity: 'info',
      link: link('查看巡查记录', inspections, year, { mode: 'patrol' }),
      message: `本年度登记巡查${c.patrols}次。巡查、巡逻没有特定检查对象，不计入表四的行政检查。`,
    });
  if (c.entrustedInspections || c.entrustedPenalties)
    out.push({
      id: 'enforcement.entrusted',
      severity: 'info',
      link: link('查看受委托执法', inspections, year, { entrusted: 'true' }),
      message: `受委托执法的${[c.entrustedInspections ? `检查${c.entrustedInspections}次` : '', c.entrustedPenalties ? `处罚${c.entrustedPenalties}宗` : ''].filter(Boolean).join('、')}以委托机关名义作出，由委托机关公开，不计入本机关的统计表。`,
    });
  if (!actsFilled(acts))
    out.push({
      id: 'enforcement.acts',
      severity: 'warning',
      link: { label: '去年度信息', path: '/year-profile', query: { year: String(year) } },
      message: '年度信息中尚未填写行政许可、行政强制、行政确认、行政给付等数量，表二、表三和表四的这些栏目按0填报。没有的请填0确认。',
    });
  if (people.required === null || people.certified === null)
    out.push({
      id: 'enforcement.people',
      severity: 'warning',
      link: { label: '去年度信息', path: '/year-profile', query: { year: String(year) } },
      message: '年度信息中尚未填写应持证执法人员数或持证人数，表五的持证率无法计算。',
    });
  else if (people.certified > people.required)
    out.push({
      id: 'enforcement.people.over',
      severity: 'warning',
      link: { label: '去年度信息', path: '/year-profile', query: { year: String(year) } },
      message: `持证人数${people.certified}名多于应持证执法人员${people.required}名，请核对年度信息。`,
    });
  return out;
}
