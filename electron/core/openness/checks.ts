// The agreement between the 政府信息公开工作年度报告 and the 法治政府建设情况报告
// (shared/spec/openness-annual-report.md, “Agreement between the two reports”).
// `opennessReview(db, year)` is the provider for the 年度报告 审稿 list: every item names
// both figures and links to the records behind them.
import type { OpennessStated, ReviewItem, Table3Row } from '../../shared/contract/openness.ts';
import { DISCLOSURE_RESULT_GROUPS } from '../../shared/enums.ts';
import { EMPTY_FILTER, registerPath } from '../../shared/registers.ts';
import type { OpennessYear } from '../../shared/openness.ts';
import { replyLateness } from '../../shared/workdays.ts';
import type { Db } from '../db/connection.ts';
import { getProfile } from '../years/year-profiles.ts';
import { prepared } from '../db/statements.ts';
import { computeYearStats } from '../stats/year-stats.ts';
import type { YearStats } from '../../shared/contract/stats.ts';
import { computeOpennessFigures, rowOf, TABLE3_COLUMN_LABELS, type OpennessFigures } from './figures.ts';

const RESULT_KEYS = DISCLOSURE_RESULT_GROUPS.flatMap((g) => g.items.map((i) => i.code));

const link = (label: string, path: string, year: number, filters: Record<string, string> = {}) => ({
  label,
  path,
  query: { year: String(year), ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [`f.${k}`, v])) },
});

/** Table 三's own 勾稽: 一 + 二 = 三（七）+ 四 per column; 总计 = the six columns; （七）= （一）…（六）. */
export function table3Issues(t: Table3Row[], year: number): ReviewItem[] {
  const out: ReviewItem[] = [];
  const get = (k: string) => rowOf(t, k);
  const [a, b, c, d] = [get('received'), get('carried'), get('concluded'), get('carryForward')];
  const requests = link('查看依申请公开台账', registerPath('disclosureRequests'), year);
  for (let k = 0; k < 7; k++) {
    if (a[k] + b[k] !== c[k] + d[k]) {
      out.push({
        id: `openness.table3.identity.${k}`,
        severity: 'error',
        link: requests,
        message: `表三“${TABLE3_COLUMN_LABELS[k]}”列勾稽不符：本年新收${a[k]}件 + 上年结转${b[k]}件 = ${a[k] + b[k]}件，办理结果总计${c[k]}件 + 结转下年度${d[k]}件 = ${c[k] + d[k]}件。`,
      });
    }
    const sum = RESULT_KEYS.reduce((s, key) => s + get(key)[k], 0);
    if (sum !== c[k]) {
      out.push({
        id: `openness.table3.concluded.${k}`,
        severity: 'error',
        link: requests,
        message: `表三“${TABLE3_COLUMN_LABELS[k]}”列（七）总计为${c[k]}件，（一）至（六）之和为${sum}件，两者应相等。`,
      });
    }
  }
  for (const row of t) {
    const six = row.values.slice(0, 6).reduce((s, v) => s + v, 0);
    if (six !== row.values[6]) {
      out.push({
        id: `openness.table3.total.${row.key}`,
        severity: 'error',
        link: requests,
        message: `表三“${row.group ?? ''}${row.label}”行的总计为${row.values[6]}件，六类申请人之和为${six}件，两者应相等。`,
      });
    }
  }
  return out;
}

/** The figures a report states (kept with an export). */
export function statedOf(f: OpennessFigures): OpennessStated {
  const t = f.tables.three;
  const four = f.tables.four;
  return {
    penalties: f.tables.two.penalties,
    disclosure: f.disclosure,
    received: rowOf(t, 'received')[6],
    carried: rowOf(t, 'carried')[6],
    concluded: rowOf(t, 'concluded')[6],
    carryForward: rowOf(t, 'carryForward')[6],
    review: four[4],
    litigation: four[9] + four[14],
  };
}

/** 主动公开 N 条 as the clerk's text of part 一 states it (null when it states none). */
export function statedDisclosure(text: string | null): number | null {
  if (!text) return null;
  const m = /主动公开[^。；\n]{0,40}?(\d+)\s*条/.exec(text);
  return m ? Number(m[1]) : null;
}

export interface LawReportFigures {
  /** 行政处罚 as the 法治政府 report counts them (every penalty of the year) */
  penalties: number;
  disclosure: number;
  reconsiderations: number;
  litigations: number;
  /** 规范性文件 reviewed for legality (合法性审查, subkind normative) */
  normativeReviews: number;
}

export interface ExportedReport {
  exportedAt: string;
  stated: OpennessStated;
}

/** Every agreement check (pure). */
export function agreementChecks(f: OpennessFigures, profile: OpennessYear, law: LawReportFigures, exported: ExportedReport | null): ReviewItem[] {
  const year = f.year;
  const out: ReviewItem[] = [...table3Issues(f.tables.three, year)];

  // 行政处罚: table 二 counts the township's own decisions; the 法治政府 report every penalty
  const own = f.tables.two.penalties;
  if (own !== law.penalties) {
    const entrusted = f.penalties.entrusted;
    out.push({
      id: 'openness.penalties',
      severity: law.penalties - own === entrusted ? 'warning' : 'error',
      link: link('查看受委托执法的处罚', registerPath('inspections'), year, { outcome: 'penalty', entrusted: 'true' }),
      message:
        law.penalties - own === entrusted
          ? `行政处罚：政务公开年报表二为${own}件（以本机关名义作出），《法治政府建设情况报告》写${law.penalties}件，相差的${entrusted}件是受委托执法作出的处罚，以委托机关名义作出、不计入本机关的处理决定。请在法治政府报告中写明“其中受委托执法${entrusted}件”，或核对这些记录。`
          : `行政处罚：政务公开年报表二为${own}件，《法治政府建设情况报告》写${law.penalties}件，两者不一致，请核对行政执法台账中处理结果为“行政处罚”的记录。`,
    });
  }

  // 主动公开: part 一 and the 法治政府 report state the same count
  const inText = statedDisclosure(profile.narrative.overview);
  const disclosureLink = link('查看政务公开事项', registerPath('workItems'), year, { category: 'disclosure' });
  if (f.disclosure !== law.disclosure) {
    out.push({
      id: 'openness.disclosure',
      severity: 'error',
      link: disclosureLink,
      message: `主动公开政府信息：政务公开年报按台账为${f.disclosure}条，《法治政府建设情况报告》写${law.disclosure}条，两者不一致。`,
    });
  }
  if (profile.narrative.overview && inText !== null && inText !== law.disclosure) {
    out.push({
      id: 'openness.disclosure.text',
      severity: 'error',
      link: disclosureLink,
      message: `主动公开政府信息：“一、总体情况”写${inText}条，台账“政务公开”事项合计${f.disclosure}条，《法治政府建设情况报告》写${law.disclosure}条。请改正文字或台账，使两份报告一致。`,
    });
  } else if (profile.narrative.overview && inText === null && f.disclosure > 0) {
    out.push({
      id: 'openness.disclosure.text',
      severity: 'warning',
      link: disclosureLink,
      message: `“一、总体情况”没有写明主动公开政府信息的条数；台账合计${f.disclosure}条，《法治政府建设情况报告》写${law.disclosure}条。建议写明“主动公开政府信息${f.disclosure}条”。`,
    });
  }
  if (f.disclosure === 0) {
    out.push({
      id: 'openness.disclosure.none',
      severity: 'info',
      link: disclosureLink,
      message: '台账中没有“政务公开”事项，两份报告的主动公开条数都是0条。全年有主动公开的，请在“其他法治工作”中登记（工作类别：政务公开，数量填公开条数）。',
    });
  }

  // 规范性文件: each one issued passes 合法性审查 first, which the 法治政府 report counts
  const issued = f.tables.two.normative.issued;
  if (issued > law.normativeReviews) {
    out.push({
      id: 'openness.normative',
      severity: 'warning',
      link: link('查看规范性文件合法性审查', registerPath('workItems'), year, { category: 'legal_review', subkind: 'normative' }),
      message: `规范性文件：政务公开年报表二写本年制发行政规范性文件${issued}件，《法治政府建设情况报告》写规范性文件合法性审查${law.normativeReviews}份。规范性文件应经合法性审核后发布，请在“其他法治工作”中登记审查，或改正年度信息中的制发件数。`,
    });
  }
  const { issued: iss, repealed, inForce } = f.tables.two.normative;
  if (inForce < iss - repealed) {
    out.push({
      id: 'openness.normative.inForce',
      severity: 'warning',
      link: { label: '去年度信息', path: '/year-profile', query: {} },
      message: `规范性文件：现行有效${inForce}件，少于本年制发${iss}件减本年废止${repealed}件（${iss - repealed}件），请核对年度信息中的数字。`,
    });
  }

  // 复议 / 诉讼 on 政府信息公开 are among the year's 复议 / 诉讼 cases
  const four = f.tables.four;
  const review = four[4];
  const litigation = four[9] + four[14];
  if (review > law.reconsiderations) {
    out.push({
      id: 'openness.review',
      severity: 'error',
      link: link('查看行政复议案件', registerPath('workItems'), year, { category: 'reconsideration' }),
      message: `行政复议：表四政府信息公开行政复议${review}件，多于《法治政府建设情况报告》统计的全年行政复议案件${law.reconsiderations}件。请在“其他法治工作”中登记这些复议案件，或改正表四。`,
    });
  }
  if (litigation > law.litigations) {
    out.push({
      id: 'openness.litigation',
      severity: 'error',
      link: link('查看行政诉讼案件', registerPath('workItems'), year, { category: 'litigation' }),
      message: `行政诉讼：表四政府信息公开行政诉讼${litigation}件（未经复议直接起诉${four[9]}件、复议后起诉${four[14]}件），多于《法治政府建设情况报告》统计的全年行政诉讼案件${law.litigations}件。请在“其他法治工作”中登记这些诉讼案件，或改正表四。`,
    });
  }

  // the published 政务公开年报 against the ledger now (the 法治政府 report is written later)
  if (exported) {
    const now = statedOf(f);
    const when = exported.exportedAt.slice(0, 10);
    const labels: [keyof OpennessStated, string, string, ReturnType<typeof link>][] = [
      ['penalties', '行政处罚', '件', link('查看行政处罚', registerPath('inspections'), year, { outcome: 'penalty' })],
      ['disclosure', '主动公开政府信息', '条', disclosureLink],
      ['received', '本年新收政府信息公开申请', '件', link('查看依申请公开台账', registerPath('disclosureRequests'), year)],
      ['concluded', '本年度办结政府信息公开申请', '件', link('查看依申请公开台账', registerPath('disclosureRequests'), year)],
      ['carryForward', '结转下年度继续办理', '件', link('查看办理中的申请', registerPath('disclosureRequests'), year, { result: EMPTY_FILTER })],
    ];
    for (const [key, label, unit, l] of labels) {
      if (exported.stated[key] !== now[key]) {
        out.push({
          id: `openness.exported.${key}`,
          severity: 'warning',
          link: l,
          message: `${label}：${when}导出的政务公开年报写${exported.stated[key]}${unit}，台账现为${now[key]}${unit}。已公开的年报与之后的报告会不一致，请核对变动的记录。`,
        });
      }
    }
  }
  return out;
}

/** Request-level data warnings: replies later than 《条例》第三十三条 allows, requests open at year end. */
export function requestWarnings(f: OpennessFigures, today: string): ReviewItem[] {
  const out: ReviewItem[] = [];
  const year = f.year;
  let late = 0;
  let overdue = 0;
  let waiting = 0;
  for (const r of f.requests) {
    const replied = !!(r.result && r.resultOn);
    const l = replyLateness(r.receivedOn, replied ? r.resultOn : null, today);
    if (!l || l.level === 'ok') continue;
    const n = r.n ?? 1;
    if (!replied) waiting += n;
    else if (l.level === 'extended') late += n;
    else overdue += n;
  }
  const requests = link('查看依申请公开台账', registerPath('disclosureRequests'), year);
  if (overdue)
    out.push({
      id: 'openness.requests.overdue',
      severity: 'warning',
      link: requests,
      message: `有${overdue}件政府信息公开申请的答复超过《政府信息公开条例》规定的最长期限（20个工作日，延长不超过20个工作日），请核实答复日期；补正、征求第三方意见的时间不计入期限的，请在备注中注明。`,
    });
  if (waiting)
    out.push({
      id: 'openness.requests.waiting',
      severity: 'warning',
      link: link('查看办理中的申请', registerPath('disclosureRequests'), year, { result: EMPTY_FILTER }),
      message: `有${waiting}件政府信息公开申请收到已超过20个工作日仍未答复（《政府信息公开条例》第三十三条）。已答复的请填写办理结果和答复日期。`,
    });
  if (late)
    out.push({
      id: 'openness.requests.extended',
      severity: 'info',
      link: requests,
      message: `有${late}件政府信息公开申请的答复用时超过20个工作日，须已依法延长答复期限（经负责人同意并告知申请人）。`,
    });
  const open = rowOf(f.tables.three, 'carryForward')[6];
  if (open)
    out.push({
      id: 'openness.requests.open',
      severity: 'info',
      link: link('查看办理中的申请', registerPath('disclosureRequests'), year, { result: EMPTY_FILTER }),
      message: `有${open}件申请到12月31日尚未办结，计入“结转下年度继续办理”。已办结的请填写办理结果和答复日期。`,
    });
  return out;
}

export function exportedReport(db: Db, year: number): ExportedReport | null {
  const row = prepared(db, "SELECT exported_at AS exportedAt, figures FROM report_exports WHERE report = 'openness' AND year = ?").get(year) as
    { exportedAt: string; figures: string } | undefined;
  if (!row) return null;
  try {
    return { exportedAt: row.exportedAt, stated: JSON.parse(row.figures) as OpennessStated };
  } catch {
    return null;
  }
}

export function lawReportFigures(db: Db, year: number, stats?: YearStats): LawReportFigures {
  // the 法治政府 report's own statistics when the caller has them (a second scan costs as much as the first)
  const s = stats ?? computeYearStats(db, year);
  return {
    // the report states the township's own penalties (受委托 ones apart), counted as 表一 of the 行政执法数据
    penalties: s.enforcement.ownPenalties,
    disclosure: s.work.disclosure?.count ?? 0,
    reconsiderations: s.work.reconsideration?.count ?? 0,
    litigations: s.work.litigation?.count ?? 0,
    normativeReviews: s.work.legal_review?.bySubkind.find((k) => k.subkind === 'normative')?.count ?? 0,
  };
}

/** The 审稿 provider: (db, year) → the agreement checks between the two reports. */
export function opennessReview(db: Db, year: number, stats?: YearStats): ReviewItem[] {
  const profile = getProfile(db, year).openness;
  const exported = exportedReport(db, year);
  // the 法治政府 report states no 依申请公开 figure: table 三 (a group of every request of the year) is
  // read only to compare with a published 政务公开年报; its own 勾稽 hold by construction (countTable3)
  const f = computeOpennessFigures(db, year, profile, { requests: exported !== null });
  return agreementChecks(f, profile, lawReportFigures(db, year, stats), exported);
}
