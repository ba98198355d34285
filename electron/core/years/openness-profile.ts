// The year profile's openness columns (schema 5) ⇄ OpennessYear.
import { DISPUTE_KINDS, DISPUTE_RESULTS, emptyOpenness, OPENNESS_FIGURE_KEYS, type OpennessYear } from '../../shared/openness.ts';

const FIGURE_COLUMNS = {
  normativeIssued: 'normative_issued',
  normativeRepealed: 'normative_repealed',
  normativeInForce: 'normative_in_force',
  licenses: 'licenses',
  coercions: 'coercions',
} as const;

export const OPENNESS_COLUMNS = [
  ...OPENNESS_FIGURE_KEYS.map((k) => FIGURE_COLUMNS[k]),
  'fees_wan',
  'fees_charged',
  'disclosure_disputes',
  'openness_overview',
  'openness_problems',
  'openness_other_matters',
  'openness_report_date',
];

export function opennessValues(o: OpennessYear): unknown[] {
  return [
    ...OPENNESS_FIGURE_KEYS.map((k) => o[k]),
    o.feesWan,
    o.feesCharged,
    JSON.stringify(o.disclosureDisputes),
    o.narrative.overview,
    o.narrative.problems,
    o.narrative.otherMatters,
    o.opennessReportDate,
  ];
}

export function opennessFromRow(row: Record<string, unknown>): OpennessYear {
  const o = emptyOpenness();
  for (const k of OPENNESS_FIGURE_KEYS) o[k] = (row[FIGURE_COLUMNS[k]] as number | null) ?? null;
  o.feesWan = (row.fees_wan as number | null) ?? null;
  o.feesCharged = (row.fees_charged as string | null) ?? null;
  o.opennessReportDate = (row.openness_report_date as string | null) ?? null;
  if (typeof row.disclosure_disputes === 'string') {
    try {
      const d = JSON.parse(row.disclosure_disputes) as Record<string, Record<string, unknown>>;
      for (const kind of DISPUTE_KINDS)
        for (const r of DISPUTE_RESULTS) {
          const v = d?.[kind]?.[r];
          if (typeof v === 'number' && Number.isInteger(v) && v >= 0) o.disclosureDisputes[kind][r] = v;
        }
    } catch {
      /* a damaged value reads as zeros */
    }
  }
  o.narrative.overview = (row.openness_overview as string | null) ?? null;
  o.narrative.problems = (row.openness_problems as string | null) ?? null;
  o.narrative.otherMatters = (row.openness_other_matters as string | null) ?? null;
  return o;
}
