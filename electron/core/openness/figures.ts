// The figures of the 政务公开年报, counted from the ledger (shared/spec/openness-annual-report.md).
// Table 三 follows the national counting rules, per applicant column:
//   一 新收      received in the year
//   二 上年结转  received before the year and not concluded before 1 January
//   三 办理结果  concluded (办理结果 and 答复日期 given) in the year, by result
//   四 结转下年度 received by 31 December and not concluded by then
// so 一 + 二 = 三（七）+ 四 holds by construction. Records in the 回收站 count nowhere.
// Only dates, types and results are read: never the applicant (personal data).
import type { OpennessTables, Table3Row } from '../../shared/contract/openness.ts';
import { APPLICANT_TYPES, DISCLOSURE_RESULT_GROUPS, DISCLOSURE_RESULTS } from '../../shared/enums.ts';
import type { OpennessYear } from '../../shared/openness.ts';
import { DISPUTE_KINDS, DISPUTE_RESULTS, disputeTotal } from '../../shared/openness.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { DECIDED_ON } from '../stats/year-stats.ts';
import { getProfile } from '../years/year-profiles.ts';
import { actsFilled, coercionDecisions, licenseDecisions } from '../../shared/enforcement.ts';

export const APPLICANT_COLUMNS = Object.keys(APPLICANT_TYPES) as (keyof typeof APPLICANT_TYPES)[];
/** the column headers as the national format prints them */
export const TABLE3_COLUMN_LABELS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

export const OPENNESS_SQL = {
  /** every live request that matters to the year: received by 31 December and not concluded before 1 January */
  // identical rows come as one with their number n: the counting rules stay in countTable3,
  // and a ledger of 100 000 requests costs a few thousand rows in JS, not 100 000
  requests: `SELECT received_on AS receivedOn, applicant_type AS applicantType, result, result_on AS resultOn, COUNT(*) AS n
    FROM disclosure_requests
    WHERE deleted_at IS NULL AND received_on < @to AND (result IS NULL OR result_on IS NULL OR result_on >= @from)
    GROUP BY received_on, applicant_type, result, result_on`,
  /** penalties decided in the township's own name (a 受委托 penalty is the entrusting organ's decision) */
  // counted in the year of the 处罚决定日期 (else the inspection's date), as 行政执法数据 表一 and the 法治政府 report
  penalties: `SELECT COALESCE(SUM(entrusted = 0), 0) AS own, COALESCE(SUM(entrusted <> 0), 0) AS entrusted, COUNT(*) AS total
    FROM inspections WHERE deleted_at IS NULL AND outcome = 'penalty' AND ${DECIDED_ON} >= @from AND ${DECIDED_ON} < @to`,
  /** 主动公开 (sum of count) and the year's 复议 / 诉讼 cases */
  work: `SELECT category, COALESCE(SUM(count), 0) AS n FROM work_items
    WHERE deleted_at IS NULL AND date >= @from AND date < @to AND category IN ('disclosure', 'reconsideration', 'litigation')
    GROUP BY category`,
} as const;

/** One request, or n identical ones (same dates, applicant type and result). */
export interface RequestRow {
  receivedOn: string;
  applicantType: string;
  result: string | null;
  resultOn: string | null;
  n?: number;
}

const zeros = () => Array.from({ length: 7 }, () => 0);

/** Table 三 from the request rows (pure: the counting rules live here). */
export function countTable3(rows: RequestRow[], year: number): Table3Row[] {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const received = zeros();
  const carried = zeros();
  const carryForward = zeros();
  const concluded = zeros();
  const byResult = new Map<string, number[]>(Object.keys(DISCLOSURE_RESULTS).map((c) => [c, zeros()]));
  for (const r of rows) {
    const col = APPLICANT_COLUMNS.indexOf(r.applicantType as never);
    if (col < 0 || r.receivedOn >= to) continue;
    const done = !!r.result && !!r.resultOn;
    if (done && r.resultOn! < from) continue; // concluded before the year: not this year's business
    const n = r.n ?? 1;
    const add = (v: number[]) => {
      v[col] += n;
      v[6] += n;
    };
    if (r.receivedOn >= from) add(received);
    else add(carried);
    if (done && r.resultOn! < to) {
      add(byResult.get(r.result!)!);
      add(concluded);
    } else {
      add(carryForward);
    }
  }
  const out: Table3Row[] = [
    { key: 'received', label: '一、本年新收政府信息公开申请数量', group: null, values: received },
    { key: 'carried', label: '二、上年结转政府信息公开申请数量', group: null, values: carried },
  ];
  for (const g of DISCLOSURE_RESULT_GROUPS) {
    for (const item of g.items) {
      out.push({ key: item.code, label: item.label || g.label, group: item.label ? g.label : null, values: byResult.get(item.code)! });
    }
  }
  out.push({ key: 'concluded', label: '（七）总计', group: null, values: concluded });
  out.push({ key: 'carryForward', label: '四、结转下年度继续办理', group: null, values: carryForward });
  return out;
}

export interface OpennessFigures {
  year: number;
  tables: OpennessTables;
  /** 行政处罚 of the year: in the township's name, 受委托, all (what the 法治政府 report counts) */
  penalties: { own: number; entrusted: number; total: number };
  /** sum of `count` of the year's `disclosure` work items */
  disclosure: number;
  /** the year's 行政复议 / 行政诉讼 cases (sum of `count`) */
  reconsiderations: number;
  litigations: number;
  /** request rows of the year (dates and results only) */
  requests: RequestRow[];
}

/** `requests: false`: table 三 left at zero, its requests not read (a caller that states none of its figures). */
export function computeOpennessFigures(db: Db, year: number, profile: OpennessYear, { requests: withRequests = true } = {}): OpennessFigures {
  const p = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const requests = withRequests ? (prepared(db, OPENNESS_SQL.requests).all(p) as RequestRow[]) : [];
  const pen = prepared(db, OPENNESS_SQL.penalties).get(p) as { own: number; entrusted: number; total: number };
  const work = new Map((prepared(db, OPENNESS_SQL.work).all(p) as { category: string; n: number }[]).map((r) => [r.category, r.n]));
  const d = profile.disclosureDisputes;
  // 行政许可 / 行政强制: from the 行政执法数据's 表二/表三 counts when the clerk keeps them (issue 20)
  const acts = getProfile(db, year).enforcementActs;
  const detailed = actsFilled(acts);
  const four = DISPUTE_KINDS.flatMap((k) => [...DISPUTE_RESULTS.map((r) => d[k][r]), disputeTotal(d[k])]);
  return {
    year,
    tables: {
      two: {
        normative: { issued: profile.normativeIssued ?? 0, repealed: profile.normativeRepealed ?? 0, inForce: profile.normativeInForce ?? 0 },
        licenses: detailed ? licenseDecisions(acts) : (profile.licenses ?? 0),
        penalties: pen.own,
        coercions: detailed ? coercionDecisions(acts) : (profile.coercions ?? 0),
        feesWan: profile.feesWan ?? 0,
      },
      three: countTable3(requests, year),
      four,
    },
    penalties: pen,
    disclosure: work.get('disclosure') ?? 0,
    reconsiderations: work.get('reconsideration') ?? 0,
    litigations: work.get('litigation') ?? 0,
    requests,
  };
}

export const rowOf = (t: Table3Row[], key: string) => t.find((r) => r.key === key)?.values ?? zeros();
