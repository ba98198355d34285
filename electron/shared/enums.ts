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
  // data package v1, issue 22: the 司法部 statistics' newer kinds
  tourism: '旅游',
  intellectual_property: '知识产权',
  internet: '互联网、电子商务',
  wage_arrears: '拖欠农民工工资',
  other: '其他',
} as const;

/**
 * Codes a package may use for a 纠纷类型 that the list already has under another code: the spec's
 * newer list names 物业 `property_management`, the older `property` (one 物业 row, not two).
 */
export const DISPUTE_TYPE_ALIASES: Readonly<Record<string, keyof typeof DISPUTE_TYPES>> = { property_management: 'property' };

export const CASE_SOURCES = {
  active: '主动调解',
  application: '当事人申请',
  referral: '接受委托移送',
  court: '法院委派',
  police: '公安移交',
  petition: '信访转办',
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
  /** 巡查、巡逻: no specific object, never counted as a 行政检查 (shared/spec/enforcement-data.md) */
  patrol: '巡查',
} as const;

/** 国办发〔2024〕54号: the 检查类型 of a 涉企行政检查 (issue 21) */
export const INSPECTION_TYPES = {
  daily: '日常检查',
  case: '个案检查',
  special: '专项检查',
} as const;

/** 任务来源: for 个案检查 where the case came from; for 专项检查 who deployed it (上级部署: outside the cap) */
export const TASK_SOURCES = {
  complaint: '投诉举报',
  referral: '转办交办',
  monitoring: '数据监测发现',
  request: '企业申请',
  other: '其他',
  superior: '上级部署',
  own: '本级部署',
} as const;

/** 年度检查计划's 检查方式 */
export const PLAN_MANNERS = {
  random: '双随机',
  full: '全覆盖',
  key: '重点',
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
  closure: '责令停产停业、责令关闭、限制从业',
  detention: '行政拘留',
  other: '其他',
} as const;

/** 处罚程序 of a penalty decision */
export const PENALTY_PROCEDURES = {
  simple: '简易程序',
  general: '普通程序',
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

// ---------------------------------------------------------------- 依申请公开 (政府信息公开申请)

/** 申请人类型: the six columns of table 三 of the 政务公开年报, in its order. */
export const APPLICANT_TYPES = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他组织',
} as const;

export const DISCLOSURE_CHANNELS = {
  in_person: '当面',
  mail: '信函',
  online: '网络',
  fax: '传真',
  other: '其他',
} as const;

/** 办理结果, in the order of the national table's rows (国办公开办函〔2021〕30号). */
export const DISCLOSURE_RESULTS = {
  disclosed: '予以公开',
  partial: '部分公开',
  withheld_secret: '不予公开：属于国家秘密',
  withheld_law: '不予公开：其他法律行政法规禁止公开',
  withheld_security: '不予公开：危及“三安全一稳定”',
  withheld_third_party: '不予公开：保护第三方合法权益',
  withheld_internal: '不予公开：属于三类内部事务信息',
  withheld_process: '不予公开：属于四类过程性信息',
  withheld_enforcement: '不予公开：属于行政执法案卷',
  withheld_query: '不予公开：属于行政查询事项',
  unavailable_not_held: '无法提供：本机关不掌握相关政府信息',
  unavailable_needs_creation: '无法提供：没有现成信息需要另行制作',
  unavailable_unclear: '无法提供：补正后申请内容仍不明确',
  rejected_petition: '不予处理：信访举报投诉类申请',
  rejected_repeat: '不予处理：重复申请',
  rejected_publication: '不予处理：要求提供公开出版物',
  rejected_mass: '不予处理：无正当理由大量反复申请',
  rejected_confirm: '不予处理：要求行政机关确认或重新出具已获取信息',
  other_no_supplement: '其他处理：申请人无正当理由逾期不补正',
  other_no_fee: '其他处理：申请人逾期未按收费通知要求缴纳费用',
  other: '其他处理：其他',
} as const;

export type DisclosureResult = keyof typeof DISCLOSURE_RESULTS;

/**
 * The national table's rows under 三、本年度办理结果: a group （一）…（六） and, where the
 * group has items, the item rows 1., 2. … (the labels exactly as the format prints them).
 */
export const DISCLOSURE_RESULT_GROUPS: readonly { label: string; items: readonly { code: DisclosureResult; label: string }[] }[] = [
  { label: '（一）予以公开', items: [{ code: 'disclosed', label: '' }] },
  { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', items: [{ code: 'partial', label: '' }] },
  {
    label: '（三）不予公开',
    items: [
      { code: 'withheld_secret', label: '1.属于国家秘密' },
      { code: 'withheld_law', label: '2.其他法律行政法规禁止公开' },
      { code: 'withheld_security', label: '3.危及“三安全一稳定”' },
      { code: 'withheld_third_party', label: '4.保护第三方合法权益' },
      { code: 'withheld_internal', label: '5.属于三类内部事务信息' },
      { code: 'withheld_process', label: '6.属于四类过程性信息' },
      { code: 'withheld_enforcement', label: '7.属于行政执法案卷' },
      { code: 'withheld_query', label: '8.属于行政查询事项' },
    ],
  },
  {
    label: '（四）无法提供',
    items: [
      { code: 'unavailable_not_held', label: '1.本机关不掌握相关政府信息' },
      { code: 'unavailable_needs_creation', label: '2.没有现成信息需要另行制作' },
      { code: 'unavailable_unclear', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    label: '（五）不予处理',
    items: [
      { code: 'rejected_petition', label: '1.信访举报投诉类申请' },
      { code: 'rejected_repeat', label: '2.重复申请' },
      { code: 'rejected_publication', label: '3.要求提供公开出版物' },
      { code: 'rejected_mass', label: '4.无正当理由大量反复申请' },
      { code: 'rejected_confirm', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
  {
    label: '（六）其他处理',
    items: [
      { code: 'other_no_supplement', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
      { code: 'other_no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
      { code: 'other', label: '3.其他' },
    ],
  },
];
