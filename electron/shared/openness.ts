// The year's figures and texts of the 政府信息公开工作年度报告 that the ledger's registers
// do not hold (shared/spec/openness-annual-report.md): 规范性文件, 行政许可 and 行政强制
// decisions, 行政事业性收费, the 复议/诉讼 table on 政府信息公开 and the clerk's texts for
// parts 一, 五 and 六. Part of the YearProfile as `openness`; flat keys in a data package.

export const OPENNESS_FIGURE_KEYS = ['normativeIssued', 'normativeRepealed', 'normativeInForce', 'licenses', 'coercions'] as const;
export type OpennessFigureKey = (typeof OPENNESS_FIGURE_KEYS)[number];

export const OPENNESS_FIGURE_LABELS: Record<OpennessFigureKey, string> = {
  normativeIssued: '行政规范性文件 本年制发（件）',
  normativeRepealed: '行政规范性文件 本年废止（件）',
  normativeInForce: '行政规范性文件 现行有效（件）',
  licenses: '行政许可 本年处理决定（件）',
  coercions: '行政强制 本年处理决定（件）',
};

export const DISPUTE_KINDS = ['review', 'direct', 'afterReview'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];
export const DISPUTE_KIND_LABELS: Record<DisputeKind, string> = {
  review: '行政复议',
  direct: '行政诉讼（未经复议直接起诉）',
  afterReview: '行政诉讼（复议后起诉）',
};
export const DISPUTE_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type DisputeResult = (typeof DISPUTE_RESULTS)[number];
export const DISPUTE_RESULT_LABELS: Record<DisputeResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export type DisputeCounts = Record<DisputeResult, number>;
export type DisclosureDisputes = Record<DisputeKind, DisputeCounts>;

export const OPENNESS_NARRATIVE_KEYS = ['overview', 'problems', 'otherMatters'] as const;
export type OpennessNarrativeKey = (typeof OPENNESS_NARRATIVE_KEYS)[number];
export const OPENNESS_NARRATIVE_LABELS: Record<OpennessNarrativeKey, string> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
};

export interface OpennessYear {
  normativeIssued: number | null;
  normativeRepealed: number | null;
  normativeInForce: number | null;
  licenses: number | null;
  coercions: number | null;
  /** 行政事业性收费（万元）, two decimals */
  feesWan: number | null;
  /** 信息处理费 sentence of part 六, e.g. 本年度未收取信息处理费。 */
  feesCharged: string | null;
  disclosureDisputes: DisclosureDisputes;
  narrative: Record<OpennessNarrativeKey, string | null>;
  /** the 成文日期 chosen on the 政务公开年报 page (YYYY-MM-DD), kept for the year; not in the data package */
  opennessReportDate: string | null;
}

export const zeroDisputes = (): DisclosureDisputes => ({
  review: { upheld: 0, corrected: 0, other: 0, pending: 0 },
  direct: { upheld: 0, corrected: 0, other: 0, pending: 0 },
  afterReview: { upheld: 0, corrected: 0, other: 0, pending: 0 },
});

export const emptyOpenness = (): OpennessYear => ({
  normativeIssued: null,
  normativeRepealed: null,
  normativeInForce: null,
  licenses: null,
  coercions: null,
  feesWan: null,
  feesCharged: null,
  disclosureDisputes: zeroDisputes(),
  narrative: { overview: null, problems: null, otherMatters: null },
  opennessReportDate: null,
});

export const disputeTotal = (c: DisputeCounts) => DISPUTE_RESULTS.reduce((a, k) => a + c[k], 0);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;

/**
 * Reads the openness keys of a package YearProfile (flat keys, `narrative.openness`) or of a
 * saveProfile patch (`openness`); reports each bad value with the field's Chinese name.
 * Keys that are absent stay as in `base`.
 */
export function parseOpenness(raw: Obj, base: OpennessYear, fail: (message: string, field: string) => void): OpennessYear {
  const src: Obj = isObj(raw.openness) ? { ...raw, ...raw.openness } : raw;
  const out: OpennessYear = structuredClone(base);
  for (const k of OPENNESS_FIGURE_KEYS) {
    const v = src[k];
    if (v === undefined) continue;
    if (v === null) out[k] = null;
    else if (!isCount(v)) fail(`「${OPENNESS_FIGURE_LABELS[k]}」应为不小于0的整数，现为“${String(v).slice(0, 20)}”`, k);
    else out[k] = v;
  }
  if (src.feesWan !== undefined) {
    const v = src.feesWan;
    if (v === null) out.feesWan = null;
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1e8)
      fail(`「行政事业性收费（万元）」应为不小于0的金额，现为“${String(v).slice(0, 20)}”`, 'feesWan');
    else out.feesWan = Math.round(v * 100) / 100;
  }
  if (src.feesCharged !== undefined) {
    const v = src.feesCharged;
    if (v === null || (typeof v === 'string' && v.trim() === '')) out.feesCharged = null;
    else if (typeof v !== 'string' || v.length > 2000) fail('「信息处理费情况」应为不超过2000字的文字', 'feesCharged');
    else out.feesCharged = v.trim();
  }
  if (src.opennessReportDate !== undefined) {
    const v = src.opennessReportDate;
    if (v === null || v === '') out.opennessReportDate = null;
    else if (
      typeof v !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
      Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ||
      new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v
    )
      fail(`「政务公开年报成文日期」不是有效日期：“${String(v).slice(0, 20)}”`, 'opennessReportDate');
    else out.opennessReportDate = v;
  }
  if (src.disclosureDisputes !== undefined && src.disclosureDisputes !== null) {
    const d = src.disclosureDisputes;
    if (!isObj(d)) fail('「政府信息公开行政复议、行政诉讼情况」应为对象', 'disclosureDisputes');
    else
      for (const kind of DISPUTE_KINDS) {
        const c = d[kind];
        if (c === undefined || c === null) continue;
        if (!isObj(c)) {
          fail(`「${DISPUTE_KIND_LABELS[kind]}」应为对象`, `disclosureDisputes.${kind}`);
          continue;
        }
        for (const r of DISPUTE_RESULTS) {
          const v = c[r];
          if (v === undefined || v === null) continue;
          if (!isCount(v))
            fail(
              `「${DISPUTE_KIND_LABELS[kind]}·${DISPUTE_RESULT_LABELS[r]}」应为不小于0的整数，现为“${String(v).slice(0, 20)}”`,
              `disclosureDisputes.${kind}.${r}`,
            );
          else out.disclosureDisputes[kind][r] = v;
        }
      }
  }
  const narrative = isObj(raw.narrative) && isObj(raw.narrative.openness) ? raw.narrative.openness : isObj(src.narrative) ? src.narrative : null;
  if (narrative) {
    for (const k of OPENNESS_NARRATIVE_KEYS) {
      const v = narrative[k];
      if (v === undefined) continue;
      if (v === null || (typeof v === 'string' && v.trim() === '')) out.narrative[k] = null;
      else if (typeof v !== 'string' || v.length > 20_000) fail(`「${OPENNESS_NARRATIVE_LABELS[k]}」应为不超过20000字的文字`, `narrative.openness.${k}`);
      else out.narrative[k] = v.replace(/\r\n?/g, '\n');
    }
  }
  return out;
}

/** The package form: flat keys, `narrative.openness`; empty values left out. */
export function opennessToPackage(o: OpennessYear): { flat: Obj; narrative: Obj | null } {
  const flat: Obj = {};
  for (const k of OPENNESS_FIGURE_KEYS) if (o[k] !== null) flat[k] = o[k];
  if (o.feesWan !== null) flat.feesWan = o.feesWan;
  if (o.feesCharged !== null) flat.feesCharged = o.feesCharged;
  if (DISPUTE_KINDS.some((k) => disputeTotal(o.disclosureDisputes[k]) > 0)) flat.disclosureDisputes = structuredClone(o.disclosureDisputes);
  const narrative = Object.fromEntries(OPENNESS_NARRATIVE_KEYS.filter((k) => o.narrative[k] !== null).map((k) => [k, o.narrative[k]]));
  return { flat, narrative: Object.keys(narrative).length ? narrative : null };
}
