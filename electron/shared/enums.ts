// Stable English codes (data package v1) and the Chinese labels the UI and the report show.

export const ACTIVITY_KINDS = {
  campaign: '集中宣传',
  lecture: '法治讲座',
  training: '普法培训',
  consultation: '法律咨询',
  performance: '法治文艺演出',
  contest: '知识竞赛',
  meeting: '院坝会/群众会',
  online: '网络宣传',
  column: '普法专栏/宣传栏',
  bulletin: '普法简报',
  oath: '宪法宣誓',
  other: '其他',
} as const;

export const ACTIVITY_VENUES = {
  organ: '机关',
  village: '乡村',
  community: '社区',
  school: '学校',
  enterprise: '企业',
  unit: '单位',
  barracks: '军营',
  network: '网络',
} as const;

export const DISPUTE_TYPES = {
  marriage_family: '婚姻家庭',
  neighbor: '邻里',
  housing_homestead: '房屋宅基地',
  contract: '合同',
  business: '生产经营',
  damages: '损害赔偿',
  land_forest: '山林土地',
  land_acquisition: '征地拆迁',
  environment: '环境污染',
  labor: '劳动争议',
  consumer: '消费',
  medical: '医疗',
  traffic: '道路交通事故',
  property: '物业',
  other: '其他',
} as const;

export const CASE_SOURCES = {
  active: '主动调解',
  application: '当事人申请',
  referral: '接受委托移送',
} as const;

export const CASE_STATUSES = {
  in_progress: '调解中',
  success: '调解成功',
  failed: '调解不成功',
  suspended: '中止',
} as const;

export const AGREEMENT_KINDS = {
  written: '书面协议',
  oral: '口头协议',
  none: '无',
} as const;

export const INSPECTION_FIELDS = {
  work_safety: '安全生产',
  environment: '生态环境',
  fire: '消防',
  labor: '劳动保障',
  construction: '违法建设',
  land: '自然资源',
  food: '食品安全',
  river: '河道水利',
  market: '市场监管',
  agriculture: '农业农村',
  other: '其他',
} as const;

export const INSPECTION_MODES = {
  routine: '日常检查',
  special: '专项检查',
  joint: '联合检查',
  complaint: '投诉举报核查',
} as const;

export const TARGET_TYPES = {
  enterprise: '企业',
  individual: '个体工商户',
  village: '村（社区）',
  school: '学校',
  other: '其他',
} as const;

export const INSPECTION_OUTCOMES = {
  no_issue: '未发现问题',
  rectification: '责令整改',
  penalty: '行政处罚',
  referral: '移送处理',
} as const;

export const PENALTY_KINDS = {
  warning: '警告、通报批评',
  fine: '罚款',
  confiscation: '没收',
  suspension: '暂扣许可证件、降低资质等级',
  revocation: '吊销许可证件',
  restriction: '限制开展生产经营活动',
  closure: '责令停产停业、责令关闭',
  detention: '行政拘留',
  other: '其他',
} as const;

export const WORK_CATEGORIES = {
  study: '集体学法',
  meeting: '法治建设专题会议',
  training: '法治培训',
  exam: '学法考试',
  legal_review: '合法性审查',
  advisor_consult: '法律顾问咨询',
  screening: '矛盾纠纷排查',
  case_review: '执法案卷评查',
  disclosure: '政务公开',
  reconsideration: '行政复议案件',
  litigation: '行政诉讼案件',
  other: '其他',
} as const;

/** Suggested values for WorkItem.subkind; the field itself is free text. */
export const REVIEW_SUBKINDS = {
  contract: '合同',
  normative: '规范性文件',
  decision: '重大行政决策',
  other: '其他',
} as const;

export const TRAINING_SUBKINDS = {
  cadres: '干部',
  enforcers: '执法人员',
  mediators: '调解员',
  volunteers: '普法志愿者、法律明白人',
} as const;

export type EnumMap = Readonly<Record<string, string>>;

/** The suggested 细分类别 of a work category (free text otherwise). */
export const WORK_SUBKINDS: Readonly<Record<string, EnumMap>> = {
  legal_review: REVIEW_SUBKINDS,
  training: TRAINING_SUBKINDS,
};

/** 细分类别 as a clerk reads it: a known code in Chinese, anything else as written. */
export function subkindLabel(subkind: string, category?: string): string {
  const maps = category && WORK_SUBKINDS[category] ? [WORK_SUBKINDS[category]] : Object.values(WORK_SUBKINDS);
  for (const m of maps) if (Object.hasOwn(m, subkind)) return m[subkind];
  return subkind;
}
export type CodeOf<M extends EnumMap> = keyof M & string;

/**
 * Chinese label of a code, or the code itself when unknown. Looked up as an own
 * property only: a code such as "constructor" is unknown, never Object's function.
 */
export function labelOf(map: EnumMap, code: string | null | undefined): string {
  if (code == null) return '';
  return Object.hasOwn(map, code) ? map[code] : code;
}

/**
 * How the report's prose names an enum value where the UI label reads as a list
 * ("院坝会/群众会", "警告、通报批评"): one name, no "/".
 */
export const REPORT_LABELS: Readonly<Record<string, EnumMap>> = {
  activityKinds: { meeting: '院坝会', column: '普法宣传栏', online: '网络普法宣传', other: '其他形式普法活动' },
  penaltyKinds: { warning: '警告或通报批评', suspension: '暂扣许可证件或降低资质等级', closure: '责令停产停业或关闭', other: '其他行政处罚' },
};

/** The report label of a code (REPORT_LABELS first, then the UI label), "/" never kept. */
export function reportLabel(group: keyof typeof REPORT_LABELS, map: EnumMap, code: string): string {
  const own = REPORT_LABELS[group];
  const label = Object.hasOwn(own, code) ? own[code] : labelOf(map, code);
  return label.replace(/\s*[/／]\s*/g, '或');
}
