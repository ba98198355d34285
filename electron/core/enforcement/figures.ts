// The figures of the 行政执法数据年度公开 (shared/spec/enforcement-data.md), counted from the ledger:
//   表一  each 处罚决定 in the township's own name (not 受委托) decided in the year (决定日期, else the
//         inspection's date); one decision one 宗, in the column of its most severe kind (kind + 并处,
//         the rightmost; 其他 only when it has no other kind); 罚没金额 over decisions with 罚款 or 没收
//   表四  行政检查: the year's inspections (by date), not 受委托, not 巡查 (the 山西 setting also leaves
//         out those that ended in a penalty)
//   表二/三/四's other columns and 表五: the year profile
// Only dates, codes and amounts are read: never the 检查对象 or a name.
import { PENALTY_COLUMNS, type EnforcementTables } from '../../shared/contract/enforcement.ts';
import type { EnforcementActs } from '../../shared/enforcement.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { formatRate } from '../stats/number-style.ts';
import { DECIDED_ON } from '../stats/year-stats.ts';

/**
 * The inspections read whole: the year's rows are those dated in it or decided in it, which no index
 * serves (决定日期 has none), and without statistics (the app never runs ANALYZE) SQLite walked a
 * partial index of every live row and looked each one up: 554 ms against 101 ms at 150 000.
 */
export const EVERY_INSPECTION = 'inspections NOT INDEXED';

export const ENFORCEMENT_SQL = {
  /**
   * every live inspection that matters to the year (inspected in it, or a penalty decided in it), grouped:
   * identical rows come as one with their number n and summed amount (a ledger of 100 000 inspections
   * costs a few hundred rows in JS)
   */
  rows: `SELECT (date >= @from AND date < @to) AS inspected,
      (outcome = 'penalty' AND ${DECIDED_ON} >= @from AND ${DECIDED_ON} < @to) AS decided,
      (entrusted <> 0) AS entrusted, (COALESCE(mode, '') = 'patrol') AS patrol, (outcome = 'penalty') AS penalty,
      penalty_kind AS kind, penalty_also_kinds AS alsoKinds, (penalty_legal_review <> 0) AS legalReview,
      COUNT(*) AS n, COALESCE(SUM(penalty_amount), 0) AS amount
    FROM ${EVERY_INSPECTION}
    WHERE deleted_at IS NULL AND ((date >= @from AND date < @to) OR (penalty_decided_on >= @from AND penalty_decided_on < @to))
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
} as const;

/** One inspection, or n identical ones as far as the counts go. */
export interface EnforcementRow {
  /** the inspection's date is in the year */
  inspected: number | boolean;
  /** a penalty decided in the year */
  decided: number | boolean;
  entrusted: number | boolean;
  patrol: number | boolean;
  penalty: number | boolean;
  kind: string | null;
  /** JSON array of kind codes (as stored) or the array */
  alsoKinds: string | string[] | null;
  legalReview: number | boolean;
  n?: number;
  /** 元, summed over the n rows */
  amount: number | null;
}

export interface EnforcementCounts {
  /** per PENALTY_COLUMNS */
  byKind: number[];
  ownPenalties: number;
  entrustedPenalties: number;
  /** 元 over the own decisions with 罚款 or 没收 */
  amountYuan: number;
  /** own decisions of the year with 法制审核 */
  legalReviews: number;
  /** 表四's 行政检查 */
  inspections: number;
  /** own inspections of the year that ended in a penalty (left out under the 山西 setting) */
  penalizedInspections: number;
  /** 巡查 of the year (never counted) */
  patrols: number;
  /** inspections of the year done under entrustment */
  entrustedInspections: number;
}

const kindsOf = (r: EnforcementRow): string[] => {
  let also: unknown = r.alsoKinds;
  if (typeof also === 'string') {
    try {
      also = JSON.parse(also);
    } catch {
      also = [];
    }
  }
  return [r.kind ?? 'other', ...(Array.isArray(also) ? also.filter((k): k is string => typeof k === 'string') : [])];
};

/** The column of a decision: its most severe kind (the rightmost); 其他 only when it has no other kind. */
export function penaltyColumn(kinds: string[]): number {
  let col = -1;
  for (const k of kinds) {
    const i = PENALTY_COLUMNS.indexOf(k as never);
    if (i >= 0 && k !== 'other') col = Math.max(col, i);
  }
  return col >= 0 ? col : PENALTY_COLUMNS.indexOf('other');
}

/** The counting rules (pure). */
export function countEnforcement(rows: EnforcementRow[], opts: { excludePenalizedInspections?: boolean } = {}): EnforcementCounts {
  const c: EnforcementCounts = {
    byKind: PENALTY_COLUMNS.map(() => 0),
    ownPenalties: 0,
    entrustedPenalties: 0,
    amountYuan: 0,
    legalReviews: 0,
    inspections: 0,
    penalizedInspections: 0,
    patrols: 0,
    entrustedInspections: 0,
  };
  let cents = 0;
  for (const r of rows) {
    const n = r.n ?? 1;
    if (r.decided) {
      if (r.entrusted) c.entrustedPenalties += n;
      else {
        const kinds = kindsOf(r);
        c.byKind[penaltyColumn(kinds)] += n;
        c.ownPenalties += n;
        if (r.legalReview) c.legalReviews += n;
        if (kinds.includes('fine') || kinds.includes('confiscation')) cents += Math.round((r.amount ?? 0) * 100);
      }
    }
    if (r.inspected) {
      if (r.entrusted) c.entrustedInspections += n;
      else if (r.patrol) c.patrols += n;
      else if (r.penalty && opts.excludePenalizedInspections) c.penalizedInspections += n;
      else {
        c.inspections += n;
        if (r.penalty) c.penalizedInspections += n;
      }
    }
  }
  c.amountYuan = cents / 100;
  return c;
}

/** 罚没金额 in 万元 with two decimals, half up (16 000 元 → 1.60); or in 元 (山西样式). */
export function formatAmount(yuan: number, unit: 'wan' | 'yuan'): string {
  const cents = Math.round(yuan * 100);
  if (unit === 'yuan') return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  const hundreds = Math.floor((cents + 5000) / 10000); // 百元: the second decimal of 万元
  return `${Math.floor(hundreds / 100)}.${String(hundreds % 100).padStart(2, '0')}`;
}

export function loadEnforcementRows(db: Db, year: number): EnforcementRow[] {
  return prepared(db, ENFORCEMENT_SQL.rows).all({ from: `${year}-01-01`, to: `${year + 1}-01-01` }) as EnforcementRow[];
}

export function enforcementTables(
  counts: EnforcementCounts,
  acts: EnforcementActs,
  people: { required: number | null; certified: number | null },
  unit: 'wan' | 'yuan',
): EnforcementTables {
  const v = (k: keyof EnforcementActs) => acts[k] ?? 0;
  return {
    penalty: { byKind: counts.byKind, total: counts.ownPenalties, amountYuan: counts.amountYuan, amountText: formatAmount(counts.amountYuan, unit) },
    licensing: [v('licenseApplied'), v('licenseAccepted'), v('licenseGranted'), v('licenseRefused'), v('licenseRevoked')],
    coercion: [v('coerceLiberty'), v('coerceSeal'), v('coerceSeize'), v('coerceFreeze'), v('coerceOther'), v('executeByAgency'), v('executeByCourt')],
    other: [v('levy'), v('requisition'), v('confirmation'), v('payment'), v('adjudication'), v('reward'), counts.inspections, v('otherActs')],
    certification: {
      required: people.required,
      certified: people.certified,
      rate: (people.required && people.certified !== null ? formatRate(people.certified, people.required) : null) ?? '—',
    },
  };
}
