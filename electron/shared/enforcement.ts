// The year profile's part of the 行政执法数据年度公开 (shared/spec/enforcement-data.md): 应持证人数, the
// counts of 许可、强制、征收、征用、确认、给付、裁决、奖励 the township keeps on paper (`enforcementActs`),
// and the publication's own texts and settings. Used by the page, the package import and the core.

/** The acts of 表二, 表三 and 表四 kept on paper, in the tables' order, each with its one-line definition. */
export const ENFORCEMENT_ACT_GROUPS = [
  {
    table: '表二',
    label: '行政许可',
    acts: [
      { key: 'licenseApplied', label: '申请数量', hint: '本年收到的行政许可申请（件）' },
      { key: 'licenseAccepted', label: '受理数量', hint: '申请中依法受理的' },
      { key: 'licenseGranted', label: '许可数量', hint: '作出准予许可决定的' },
      { key: 'licenseRefused', label: '不予许可数量', hint: '作出不予许可决定的' },
      { key: 'licenseRevoked', label: '撤销许可数量', hint: '本年撤销已作出的许可的' },
    ],
  },
  {
    table: '表三',
    label: '行政强制措施',
    acts: [
      { key: 'coerceLiberty', label: '限制公民人身自由', hint: '依法限制公民人身自由的强制措施（乡镇一般没有）' },
      { key: 'coerceSeal', label: '查封场所、设施或者财物', hint: '查封违法场所、设施或者财物的' },
      { key: 'coerceSeize', label: '扣押财物', hint: '扣押涉案财物的' },
      { key: 'coerceFreeze', label: '冻结存款、汇款', hint: '冻结存款、汇款的' },
      { key: 'coerceOther', label: '其他行政强制措施', hint: '法律、法规规定的其他强制措施' },
    ],
  },
  {
    table: '表三',
    label: '行政强制执行',
    acts: [
      { key: 'executeByAgency', label: '行政机关强制执行', hint: '本机关依法自行强制执行的（如强制拆除）' },
      { key: 'executeByCourt', label: '申请人民法院强制执行', hint: '申请人民法院强制执行的' },
    ],
  },
  {
    table: '表四',
    label: '其他行政执法行为',
    acts: [
      { key: 'levy', label: '行政征收', hint: '依法征收税费、土地、房屋等的决定（次）' },
      { key: 'requisition', label: '行政征用', hint: '依法临时征用财产、场地的（次）' },
      { key: 'confirmation', label: '行政确认', hint: '对身份、资格、权属等予以确认的（如困难家庭认定）' },
      { key: 'payment', label: '行政给付', hint: '发放抚恤金、救助金、补贴等的（次）' },
      { key: 'adjudication', label: '行政裁决', hint: '对平等主体之间的民事纠纷作出裁决的（如土地权属争议）' },
      { key: 'reward', label: '行政奖励', hint: '依法给予表彰、奖励的（次）' },
      { key: 'otherActs', label: '其他行政执法行为', hint: '以上之外的行政执法行为（次）' },
    ],
  },
] as const;

export type EnforcementActKey = (typeof ENFORCEMENT_ACT_GROUPS)[number]['acts'][number]['key'];
export const ENFORCEMENT_ACT_KEYS = ENFORCEMENT_ACT_GROUPS.flatMap((g) => g.acts.map((a) => a.key)) as EnforcementActKey[];
export const ENFORCEMENT_ACT_LABELS = Object.fromEntries(ENFORCEMENT_ACT_GROUPS.flatMap((g) => g.acts.map((a) => [a.key, a.label]))) as Record<
  EnforcementActKey,
  string
>;

/** Each count, null when not filled in. */
export type EnforcementActs = Record<EnforcementActKey, number | null>;

export const emptyEnforcementActs = (): EnforcementActs => Object.fromEntries(ENFORCEMENT_ACT_KEYS.map((k) => [k, null])) as EnforcementActs;

/** Whether the clerk has filled in any of the counts (then they feed the 政务公开年报's 许可/强制 rows). */
export const actsFilled = (a: EnforcementActs): boolean => ENFORCEMENT_ACT_KEYS.some((k) => a[k] !== null);

/** 行政许可 as the 政务公开年报 counts 处理决定: 许可 + 不予许可 + 撤销. */
export const licenseDecisions = (a: EnforcementActs) => (a.licenseGranted ?? 0) + (a.licenseRefused ?? 0) + (a.licenseRevoked ?? 0);
/** 行政强制: all seven columns of 表三. */
export const coercionDecisions = (a: EnforcementActs) =>
  (['coerceLiberty', 'coerceSeal', 'coerceSeize', 'coerceFreeze', 'coerceOther', 'executeByAgency', 'executeByCourt'] as const).reduce(
    (s, k) => s + (a[k] ?? 0),
    0,
  );

/** The publication's texts and settings, kept with the year. */
export interface EnforcementDoc {
  /** 一、执法主体和职责 (the clerk's text; a draft from settings when empty) */
  duties: string | null;
  /** 四、存在问题及下一步计划 */
  problems: string | null;
  /** 罚没金额 printed in 万元 (the common model) or 元 (山西样式) */
  amountUnit: 'wan' | 'yuan';
  /** 山西样式: inspections that ended in a penalty are not counted again as 行政检查 */
  excludePenalizedInspections: boolean;
}

export const emptyEnforcementDoc = (): EnforcementDoc => ({ duties: null, problems: null, amountUnit: 'wan', excludePenalizedInspections: false });

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `enforcementActs` as the package, the page or the database gives it: each key an integer ≥ 0 or null. */
export function parseEnforcementActs(raw: unknown, base: EnforcementActs, fail: (message: string, field: string) => void): EnforcementActs {
  const out = { ...base };
  if (raw === undefined || raw === null) return out;
  if (!isObj(raw)) {
    fail('「enforcementActs」（行政执法行为数量）应为对象', 'enforcementActs');
    return out;
  }
  for (const k of ENFORCEMENT_ACT_KEYS) {
    if (!Object.hasOwn(raw, k)) continue;
    const v = raw[k];
    if (v === null || v === undefined) out[k] = null;
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1_000_000)
      fail(`「${ENFORCEMENT_ACT_LABELS[k]}」应为不小于0的整数，现为“${String(v).slice(0, 20)}”`, `enforcementActs.${k}`);
    else out[k] = v;
  }
  for (const k of Object.keys(raw))
    if (!(ENFORCEMENT_ACT_KEYS as string[]).includes(k)) fail(`「enforcementActs.${k}」不是可识别的行政执法行为`, `enforcementActs.${k}`);
  if (out.licenseAccepted !== null && out.licenseApplied !== null && out.licenseAccepted > out.licenseApplied)
    fail(`行政许可受理数量（${out.licenseAccepted}）不能大于申请数量（${out.licenseApplied}）`, 'enforcementActs.licenseAccepted');
  return out;
}

/** The publication's texts and settings, checked. */
export function parseEnforcementDoc(raw: unknown, base: EnforcementDoc, fail: (message: string, field: string) => void): EnforcementDoc {
  const out = { ...base };
  if (raw === undefined || raw === null) return out;
  if (!isObj(raw)) {
    fail('行政执法数据公开的设置应为对象', 'enforcementDoc');
    return out;
  }
  for (const [k, label] of [
    ['duties', '执法主体和职责'],
    ['problems', '存在问题及下一步计划'],
  ] as const) {
    if (!Object.hasOwn(raw, k)) continue;
    const v = raw[k];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) out[k] = null;
    else if (typeof v !== 'string') fail(`「${label}」应为文字`, `enforcementDoc.${k}`);
    else if (v.length > 20000) fail(`「${label}」不能超过20000字`, `enforcementDoc.${k}`);
    else out[k] = v.replace(/\r\n?/g, '\n');
  }
  if (Object.hasOwn(raw, 'amountUnit')) {
    if (raw.amountUnit !== 'wan' && raw.amountUnit !== 'yuan') fail('罚没金额的单位应为“万元”或“元”', 'enforcementDoc.amountUnit');
    else out.amountUnit = raw.amountUnit;
  }
  if (Object.hasOwn(raw, 'excludePenalizedInspections')) {
    if (typeof raw.excludePenalizedInspections !== 'boolean') fail('“不计作出处罚的检查”应为是或否', 'enforcementDoc.excludePenalizedInspections');
    else out.excludePenalizedInspections = raw.excludePenalizedInspections;
  }
  return out;
}

/** A stored JSON text as the object it holds ({} when damaged). */
export function readJsonObject(text: unknown): Obj {
  if (typeof text !== 'string' || !text) return {};
  try {
    const v: unknown = JSON.parse(text);
    return isObj(v) ? v : {};
  } catch {
    return {};
  }
}
