// One description of every register's fields. The validation schemas, the
// database mapping, the UI forms and the Excel columns are all derived from it,
// so a field is named and labelled in exactly one place.
import {
  ACTIVITY_KINDS,
  ACTIVITY_VENUES,
  AGREEMENT_KINDS,
  APPLICANT_TYPES,
  CASE_SOURCES,
  CASE_STATUSES,
  DISCLOSURE_CHANNELS,
  DISCLOSURE_RESULT_GROUPS,
  DISCLOSURE_RESULTS,
  DISPUTE_TYPES,
  INSPECTION_FIELDS,
  INSPECTION_MODES,
  INSPECTION_OUTCOMES,
  INSPECTION_TYPES,
  PENALTY_KINDS,
  PENALTY_PROCEDURES,
  TASK_SOURCES,
  TARGET_TYPES,
  WORK_CATEGORIES,
  WORK_SUBKINDS,
  type EnumMap,
} from './enums.ts';

export type FieldType = 'text' | 'longtext' | 'date' | 'int' | 'money' | 'bool' | 'enum' | 'tags' | 'list';

/** One column of a `list` field's entries (当事人 one by one, 回访 one by one). */
export interface ListItemDef {
  key: string;
  label: string;
  type: 'text' | 'date' | 'enum';
  required?: boolean;
  max?: number;
  options?: EnumMap;
  /** date: the earliest allowed year (2000 unless said: a birth date goes back to 1900) */
  minYear?: number;
  /** the form's width of the column, in 24ths of the entry's row (6 unless said) */
  span?: number;
  /** text: checked as a 身份证号 (GB 11643) or a phone number (mobile or landline) */
  format?: 'idNumber' | 'phone';
}

/**
 * What the app does with a field beyond keeping it, so no code looks a field up by its key
 * to learn its role:
 * - `village`: the 村（社区） the record belongs to (首页 lists the villages the ledger knows)
 * - `department`: the 填报部门 (a data package can be exported for one department)
 * - `remarks`: the 备注 (the Excel template's example row says there that it is one)
 * - `caseNumber`: the 案号, unique within its year, proposed by the form and given on save
 */
export type FieldRole = 'village' | 'department' | 'remarks' | 'caseNumber';

export interface FieldDef {
  /** camelCase key in the API record (flat: penalty fields are penaltyKind, …) */
  key: string;
  /** SQL column */
  column: string;
  /** Chinese label, used in forms, tables and every error message */
  label: string;
  type: FieldType;
  required?: boolean;
  /** text: longest allowed length */
  max?: number;
  /** enum: code → Chinese label */
  options?: EnumMap;
  /** enum: the choices grouped as a form shows them (every option in one group) */
  optionGroups?: readonly { label: string; codes: readonly string[] }[];
  /** int: the value stored when the field is missing (counts default to 0) */
  defaultValue?: number;
  /** int: smallest allowed value (0 unless said) */
  min?: number;
  /** list: the entries' columns (stored as a JSON array; not in Excel) */
  items?: readonly ListItemDef[];
  /** list: what one entry is called in the form (添加当事人, 回访 2) */
  entryNoun?: string;
  /**
   * list: the values a new entry starts with, by its position (the last for every later one);
   * a new record starts with `startEntries` such entries
   */
  entryDefaults?: readonly Readonly<Record<string, string>>[];
  startEntries?: number;
  /**
   * text: the suggested choices depend on another field's value (细分类别 by 工作类别); a choice,
   * typed as its code or its label, is stored as its code (which the statistics count), any other
   * text as written
   */
  choicesBy?: { field: string; choices: Readonly<Record<string, EnumMap>> };
  /** enum: what an empty choice means (依申请公开 办理结果: 办理中), shown in lists, forms and filters */
  emptyMeans?: string;
  role?: FieldRole;
  /**
   * where the data package (v1) keeps the field when not at the record's top level: [object, key]
   * (an inspection's 处罚 details are `penalty.decisionNo` …, written only for a 行政处罚)
   */
  packagePath?: readonly [string, string];
  /** personal data: never in a report, a log or an unprotected export */
  personal?: boolean;
  /** included in the keyword search */
  search?: boolean;
  /** offered as an exact-match filter in lists */
  filter?: boolean;
  /** the list can be sorted by it */
  sortable?: boolean;
  /**
   * the field belongs only to records whose `field` has one of the values `is`: the form shows
   * it only then (处罚种类 only for a 行政处罚; 考试合格人数 only for a 学法考试)
   */
  onlyWhen?: FieldCondition;
  /** required whenever `onlyWhen` holds (处理结果为“行政处罚”时必须填写处罚种类) */
  requiredWhenShown?: boolean;
}

export interface FieldCondition {
  field: string;
  is: readonly string[];
  /** the field's value is emptied when the condition does not hold (no stale 处罚 details behind) */
  clearOtherwise?: boolean;
}

/**
 * A text field's value as a clerk reads it: one of its `choicesBy` codes as its label (细分类别
 * contract → 合同), judged by the record's deciding field when known; any other text as written.
 */
export function choiceLabel(f: FieldDef, value: string, record?: Record<string, unknown>): string {
  if (!f.choicesBy) return value;
  const by = record?.[f.choicesBy.field];
  const own = typeof by === 'string' ? f.choicesBy.choices[by] : undefined;
  for (const m of own ? [own] : Object.values(f.choicesBy.choices)) if (Object.hasOwn(m, value)) return m[value];
  return value;
}

/** The choices a `choicesBy` field offers for this record (none: typed freely). */
export function choicesFor(f: FieldDef, record: Record<string, unknown>): EnumMap {
  return (f.choicesBy && f.choicesBy.choices[String(record[f.choicesBy.field] ?? '')]) || {};
}

/**
 * Whether a value is a choice of another deciding value only (合同 is a 合法性审查 kind: not one to
 * offer once 法治培训 is chosen). No deciding value chosen: none is.
 */
export function isOtherChoice(f: FieldDef, value: string, record: Record<string, unknown>): boolean {
  const by = f.choicesBy && record[f.choicesBy.field];
  if (!f.choicesBy || typeof by !== 'string' || !by) return false;
  return !Object.hasOwn(choicesFor(f, record), value) && Object.values(f.choicesBy.choices).some((m) => Object.hasOwn(m, value));
}

/** A list filter's value that selects the records where the field is empty (依申请公开 办理中). */
export const EMPTY_FILTER = '__empty__';

/** The register's field with this role, if it has one. */
export function fieldWithRole(def: RegisterDef, role: FieldRole): FieldDef | undefined {
  return def.fields.find((f) => f.role === role);
}

/** Whether a field belongs to this record (no `onlyWhen`: always). */
export function fieldApplies(f: FieldDef, record: Record<string, unknown>): boolean {
  return !f.onlyWhen || f.onlyWhen.is.includes(String(record[f.onlyWhen.field] ?? ''));
}

export type RegisterName = 'activities' | 'mediationCases' | 'inspections' | 'workItems' | 'disclosureRequests' | 'screenings';

export interface RegisterDef {
  name: RegisterName;
  table: string;
  /** 普法宣传活动 … */
  label: string;
  /** the main date: a record belongs to that date's year */
  dateKey: string;
  /** the field that names a record in messages and lists */
  titleKey: string;
  /** photos and scans can be attached to its records (attachments.*, the data package's zip) */
  attachments?: boolean;
  /** what one record is counted in, in summaries (普法活动 3 场): 条 unless said */
  countUnit?: string;
  fields: readonly FieldDef[];
}

// ---- the record types, derived from the definitions -------------------------------------

type Nullable<F, T> = F extends { required: true } ? T : T | null;
type CodeOfOptions<O> = keyof O & string;

/** The value of one entry column of a list field. */
type ItemValue<I extends ListItemDef> = I['type'] extends 'enum' ? CodeOfOptions<NonNullable<I['options']>> : string;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** One entry of a list field: required columns always there, the others optional or null. */
export type EntryOf<Items extends readonly ListItemDef[]> = Simplify<
  { [I in Items[number] as I extends { required: true } ? I['key'] : never]: ItemValue<I> } & {
    [I in Items[number] as I extends { required: true } ? never : I['key']]?: ItemValue<I> | null;
  }
>;

/**
 * The value a validated record holds for a field: empty optional text, dates, choices and amounts
 * are null; counts have their default; yes/no is false; tags and lists are [].
 */
export type ValueOf<F extends FieldDef> = F['type'] extends 'text' | 'longtext' | 'date'
  ? Nullable<F, string>
  : F['type'] extends 'enum'
    ? Nullable<F, CodeOfOptions<NonNullable<F['options']>>>
    : F['type'] extends 'int'
      ? F extends { defaultValue: number }
        ? number
        : Nullable<F, number>
      : F['type'] extends 'money'
        ? Nullable<F, number>
        : F['type'] extends 'bool'
          ? boolean
          : F['type'] extends 'tags'
            ? string[]
            : F['type'] extends 'list'
              ? EntryOf<NonNullable<F['items']>>[]
              : never;

/** A register's record fields, key by key, as its definition declares them. */
export type FieldsOf<D extends RegisterDef> = Simplify<{ [F in D['fields'][number] as F['key']]: ValueOf<F> }>;

type KeyOf<D extends RegisterDef> = D['fields'][number]['key'];

/**
 * A register's definition, its literal types kept (so FieldsOf can read them) and its
 * date and title keys checked to be its own fields.
 */
function defineRegister<const D extends RegisterDef>(def: D & { dateKey: KeyOf<D>; titleKey: KeyOf<D> }): D {
  return def;
}

const common = [
  { key: 'department', column: 'department', label: '填报部门', type: 'text', max: 100, role: 'department', search: true, filter: true, sortable: true },
  { key: 'notes', column: 'notes', label: '备注', type: 'longtext', max: 2000, role: 'remarks', search: true },
] as const satisfies readonly FieldDef[];

/** A count (受众人次, 发现问题（处）…): a whole number, 0 unless given. */
const count = <const K extends string, const C extends string, const E extends Partial<FieldDef> = object>(key: K, column: C, label: string, extra?: E) => ({
  key,
  column,
  label,
  type: 'int' as const,
  defaultValue: 0,
  sortable: true,
  ...(extra as E),
});

export const ACTIVITY = defineRegister({
  name: 'activities',
  table: 'activities',
  attachments: true,
  countUnit: '场',
  label: '普法宣传活动',
  dateKey: 'date',
  titleKey: 'title',
  fields: [
    { key: 'date', column: 'date', label: '活动日期', type: 'date', required: true, sortable: true },
    { key: 'title', column: 'title', label: '活动名称', type: 'text', required: true, max: 200, search: true, sortable: true },
    { key: 'kind', column: 'kind', label: '形式', type: 'enum', required: true, options: ACTIVITY_KINDS, filter: true, sortable: true },
    { key: 'venue', column: 'venue', label: '阵地', type: 'enum', options: ACTIVITY_VENUES, filter: true, sortable: true },
    { key: 'place', column: 'place', label: '地点', type: 'text', max: 200, search: true },
    { key: 'village', column: 'village', label: '所在村（社区）', type: 'text', max: 100, role: 'village', search: true, filter: true, sortable: true },
    { key: 'occasion', column: 'occasion', label: '时间节点', type: 'text', max: 100, search: true },
    { key: 'laws', column: 'laws', label: '宣传的法律法规', type: 'tags', search: true },
    count('audience', 'audience', '受众人次'),
    count('materials', 'materials', '发放资料（份）'),
    count('banners', 'banners', '横幅（条）'),
    count('boards', 'boards', '展板（块）'),
    count('consultations', 'consultations', '解答咨询（人次）'),
    count('views', 'views', '线上阅读播放（次）'),
    { key: 'organizer', column: 'organizer', label: '主办单位', type: 'text', max: 200, search: true },
    ...common,
  ],
});

export const PARTY_ROLES = { applicant: '申请人', respondent: '被申请人', party: '当事人' } as const;
export const GENDERS = { male: '男', female: '女' } as const;

export const PARTY_ITEMS = [
  { key: 'role', label: '身份', type: 'enum', options: PARTY_ROLES },
  { key: 'name', label: '姓名', type: 'text', required: true, max: 50 },
  { key: 'gender', label: '性别', type: 'enum', options: GENDERS },
  { key: 'ethnicity', label: '民族', type: 'text', max: 20 },
  { key: 'birthDate', label: '出生日期', type: 'date', minYear: 1900 },
  { key: 'occupation', label: '职业或职务', type: 'text', max: 100 },
  { key: 'address', label: '住址或单位', type: 'text', max: 200, span: 12 },
  { key: 'phone', label: '联系电话', type: 'text', max: 30, format: 'phone' },
  { key: 'idNumber', label: '身份证号', type: 'text', max: 18, span: 8, format: 'idNumber' },
] as const satisfies readonly ListItemDef[];

export const FOLLOW_UP_ITEMS = [
  { key: 'date', label: '回访日期', type: 'date', required: true },
  { key: 'by', label: '回访人', type: 'text', max: 50 },
  { key: 'performed', label: '履行情况', type: 'text', max: 500, span: 12 },
  { key: 'opinion', label: '当事人意见', type: 'text', max: 500, span: 12 },
] as const satisfies readonly ListItemDef[];

export const MEDIATION_CASE = defineRegister({
  name: 'mediationCases',
  table: 'mediation_cases',
  attachments: true,
  countUnit: '件',
  label: '人民调解案件',
  dateKey: 'acceptedOn',
  titleKey: 'caseNo',
  fields: [
    { key: 'caseNo', column: 'case_no', label: '案号', type: 'text', max: 100, role: 'caseNumber', search: true, sortable: true },
    { key: 'acceptedOn', column: 'accepted_on', label: '受理日期', type: 'date', required: true, sortable: true },
    { key: 'closedOn', column: 'closed_on', label: '结案日期', type: 'date', sortable: true },
    { key: 'type', column: 'type', label: '纠纷类型', type: 'enum', required: true, options: DISPUTE_TYPES, filter: true, sortable: true },
    { key: 'source', column: 'source', label: '案件来源', type: 'enum', options: CASE_SOURCES, filter: true, sortable: true },
    { key: 'village', column: 'village', label: '村（社区）', type: 'text', max: 100, role: 'village', search: true, filter: true, sortable: true },
    { key: 'committee', column: 'committee', label: '调委会', type: 'text', max: 200, search: true },
    { key: 'mediator', column: 'mediator', label: '调解员', type: 'text', max: 100, search: true, sortable: true },
    { key: 'parties', column: 'parties', label: '当事人', type: 'text', max: 500, personal: true, search: true },
    count('partyCount', 'party_count', '当事人人数'),
    { key: 'summary', column: 'summary', label: '纠纷简要情况', type: 'longtext', max: 5000, personal: true, search: true },
    { key: 'status', column: 'status', label: '调解状态', type: 'enum', required: true, options: CASE_STATUSES, filter: true, sortable: true },
    { key: 'agreement', column: 'agreement', label: '协议形式', type: 'enum', options: AGREEMENT_KINDS, filter: true, sortable: true },
    { key: 'amount', column: 'amount', label: '协议金额（元）', type: 'money', sortable: true },
    { key: 'judicialConfirmation', column: 'judicial_confirmation', label: '已申请司法确认', type: 'bool' },
    { key: 'followUpOn', column: 'follow_up_on', label: '回访日期', type: 'date' },
    // the case file (卷宗), migration 6: parties one by one, the facts, the agreement, the 回访
    {
      key: 'partyList',
      column: 'party_list',
      label: '当事人信息',
      type: 'list',
      personal: true,
      items: PARTY_ITEMS,
      // a new case starts with an 申请人 and a 被申请人 to fill in; later entries are 当事人
      entryNoun: '当事人',
      entryDefaults: [{ role: 'applicant' }, { role: 'respondent' }, { role: 'party' }],
      startEntries: 2,
    },
    { key: 'facts', column: 'facts', label: '纠纷事实及争议事项', type: 'longtext', max: 5000, personal: true, search: true },
    { key: 'agreementTerms', column: 'agreement_terms', label: '协议内容', type: 'longtext', max: 5000, personal: true },
    { key: 'performance', column: 'performance', label: '履行方式、地点、期限', type: 'longtext', max: 1000 },
    { key: 'copies', column: 'copies', label: '协议书份数', type: 'int', min: 0 },
    // 当事人意见 may quote a party: kept local like the other personal fields
    { key: 'followUps', column: 'follow_ups', label: '回访记录', type: 'list', personal: true, items: FOLLOW_UP_ITEMS, entryNoun: '回访' },
    ...common,
  ],
});

const PENALTY = { field: 'outcome', is: ['penalty'], clearOtherwise: true } as const satisfies FieldCondition;

/** One officer of an inspection: 姓名 and 执法证号 (网格员、辅助人员 have none: they assist, never inspect). */
export const INSPECTOR_ITEMS = [
  { key: 'name', label: '姓名', type: 'text', required: true, max: 50 },
  { key: 'certNo', label: '执法证号', type: 'text', max: 50, span: 10 },
] as const satisfies readonly ListItemDef[];

/** 涉企行政检查 (国办发〔2024〕54号, issue 21, migration 21): type, source, the enterprise, item, approval, officers. */
const ENTERPRISE_INSPECTION = [
  { key: 'inspectionType', column: 'inspection_type', label: '检查类型', type: 'enum', options: INSPECTION_TYPES, filter: true, sortable: true },
  {
    key: 'taskSource',
    column: 'task_source',
    label: '任务来源',
    type: 'enum',
    options: TASK_SOURCES,
    filter: true,
    onlyWhen: { field: 'inspectionType', is: ['case', 'special'], clearOtherwise: true },
  },
  { key: 'creditCode', column: 'credit_code', label: '统一社会信用代码', type: 'text', max: 18, search: true },
  { key: 'itemCode', column: 'item_code', label: '检查事项', type: 'text', max: 50, filter: true },
  { key: 'basis', column: 'basis', label: '检查依据', type: 'text', max: 500 },
  { key: 'approvedBy', column: 'approved_by', label: '审批人', type: 'text', max: 50 },
  { key: 'approvedOn', column: 'approved_on', label: '审批日期', type: 'date' },
  {
    key: 'inspectorList',
    column: 'inspector_list',
    label: '执法人员',
    type: 'list',
    items: INSPECTOR_ITEMS,
    entryNoun: '执法人员',
    entryDefaults: [{}, {}],
    startEntries: 2,
  },
  { key: 'notifiedOn', column: 'notified_on', label: '结果告知日期', type: 'date' },
  { key: 'scanCode', column: 'scan_code', label: '扫码入企编号', type: 'text', max: 100, search: true },
] as const satisfies readonly FieldDef[];

export const INSPECTION = defineRegister({
  name: 'inspections',
  table: 'inspections',
  attachments: true,
  countUnit: '次',
  label: '行政执法检查',
  dateKey: 'date',
  titleKey: 'target',
  fields: [
    { key: 'date', column: 'date', label: '检查日期', type: 'date', required: true, sortable: true },
    { key: 'field', column: 'field', label: '执法领域', type: 'enum', required: true, options: INSPECTION_FIELDS, filter: true, sortable: true },
    { key: 'mode', column: 'mode', label: '检查方式', type: 'enum', options: INSPECTION_MODES, filter: true, sortable: true },
    { key: 'target', column: 'target', label: '检查对象', type: 'text', required: true, max: 200, search: true, sortable: true },
    { key: 'targetType', column: 'target_type', label: '对象类型', type: 'enum', options: TARGET_TYPES, filter: true, sortable: true },
    { key: 'village', column: 'village', label: '村（社区）', type: 'text', max: 100, role: 'village', search: true, filter: true, sortable: true },
    { key: 'inspectors', column: 'inspectors', label: '执法人员及证号（原登记）', type: 'text', max: 500, search: true },
    { key: 'entrusted', column: 'entrusted', label: '受委托执法', type: 'bool', filter: true },
    count('issuesFound', 'issues_found', '发现问题（处）'),
    count('issuesRectified', 'issues_rectified', '已整改（处）'),
    { key: 'outcome', column: 'outcome', label: '处理结果', type: 'enum', required: true, options: INSPECTION_OUTCOMES, filter: true, sortable: true },
    {
      key: 'penaltyDecisionNo',
      column: 'penalty_decision_no',
      label: '处罚决定书文号',
      type: 'text',
      max: 100,
      search: true,
      onlyWhen: PENALTY,
      packagePath: ['penalty', 'decisionNo'],
    },
    {
      key: 'penaltyKind',
      column: 'penalty_kind',
      label: '处罚种类',
      type: 'enum',
      options: PENALTY_KINDS,
      filter: true,
      onlyWhen: PENALTY,
      requiredWhenShown: true,
      packagePath: ['penalty', 'kind'],
    },
    // issue 20: 并处 kinds, 决定日期 and 程序 (行政执法数据 表一 counts by them)
    {
      key: 'penaltyAlsoKinds',
      column: 'penalty_also_kinds',
      label: '并处种类',
      type: 'tags',
      options: PENALTY_KINDS,
      onlyWhen: PENALTY,
      packagePath: ['penalty', 'alsoKinds'],
    },
    {
      key: 'penaltyDecidedOn',
      column: 'penalty_decided_on',
      label: '处罚决定日期',
      type: 'date',
      sortable: true,
      onlyWhen: PENALTY,
      packagePath: ['penalty', 'decidedOn'],
    },
    {
      key: 'penaltyProcedure',
      column: 'penalty_procedure',
      label: '处罚程序',
      type: 'enum',
      options: PENALTY_PROCEDURES,
      onlyWhen: PENALTY,
      packagePath: ['penalty', 'procedure'],
    },
    {
      key: 'penaltyAmount',
      column: 'penalty_amount',
      label: '罚没金额（元）',
      type: 'money',
      sortable: true,
      onlyWhen: PENALTY,
      packagePath: ['penalty', 'amount'],
    },
    {
      key: 'penaltyLegalReview',
      column: 'penalty_legal_review',
      label: '经法制审核',
      type: 'bool',
      onlyWhen: PENALTY,
      packagePath: ['penalty', 'legalReview'],
    },
    ...ENTERPRISE_INSPECTION,
    ...common,
  ],
});

export const WORK_ITEM = defineRegister({
  name: 'workItems',
  table: 'work_items',
  countUnit: '项',
  label: '其他法治工作',
  dateKey: 'date',
  titleKey: 'title',
  fields: [
    { key: 'date', column: 'date', label: '日期', type: 'date', required: true, sortable: true },
    { key: 'category', column: 'category', label: '工作类别', type: 'enum', required: true, options: WORK_CATEGORIES, filter: true, sortable: true },
    { key: 'title', column: 'title', label: '事项', type: 'text', required: true, max: 200, search: true, sortable: true },
    {
      key: 'subkind',
      column: 'subkind',
      label: '细分类别',
      type: 'text',
      max: 50,
      filter: true,
      choicesBy: { field: 'category', choices: WORK_SUBKINDS },
    },
    count('count', 'count', '数量', { defaultValue: 1, min: 1 }),
    count('participants', 'participants', '参加人次', { onlyWhen: { field: 'category', is: ['study', 'meeting', 'training', 'exam', 'other'] } }),
    count('passed', 'passed', '考试合格人数', { onlyWhen: { field: 'category', is: ['exam', 'other'] } }),
    count('opinions', 'opinions', '意见建议（条）', { onlyWhen: { field: 'category', is: ['legal_review', 'advisor_consult', 'case_review', 'other'] } }),
    {
      key: 'leaderAppeared',
      column: 'leader_appeared',
      label: '负责人出庭应诉',
      type: 'bool',
      onlyWhen: { field: 'category', is: ['litigation', 'other'] },
    },
    {
      key: 'outcome',
      column: 'outcome',
      label: '结果',
      type: 'text',
      max: 500,
      search: true,
      onlyWhen: {
        field: 'category',
        is: ['legal_review', 'advisor_consult', 'screening', 'case_review', 'disclosure', 'reconsideration', 'litigation', 'other'],
      },
    },
    ...common,
  ],
});

/** 依申请公开: one 政府信息公开申请 from receipt to reply (schema 5). */
export const DISCLOSURE_REQUEST = defineRegister({
  name: 'disclosureRequests',
  table: 'disclosure_requests',
  countUnit: '件',
  label: '依申请公开',
  dateKey: 'receivedOn',
  titleKey: 'subject',
  fields: [
    { key: 'receivedOn', column: 'received_on', label: '收到申请日期', type: 'date', required: true, sortable: true },
    {
      key: 'applicantType',
      column: 'applicant_type',
      label: '申请人类型',
      type: 'enum',
      required: true,
      options: APPLICANT_TYPES,
      filter: true,
      sortable: true,
    },
    { key: 'applicant', column: 'applicant', label: '申请人', type: 'text', max: 200, personal: true, search: true },
    { key: 'subject', column: 'subject', label: '申请内容', type: 'text', max: 500, search: true, sortable: true },
    { key: 'channel', column: 'channel', label: '申请方式', type: 'enum', options: DISCLOSURE_CHANNELS, filter: true, sortable: true },
    {
      key: 'result',
      column: 'result',
      label: '办理结果',
      type: 'enum',
      options: DISCLOSURE_RESULTS,
      emptyMeans: '办理中（未答复）',
      filter: true,
      sortable: true,
      optionGroups: DISCLOSURE_RESULT_GROUPS.map((g) => ({ label: g.label.replace(/（区分处理的.*）$/, ''), codes: g.items.map((i) => i.code) })),
    },
    { key: 'resultOn', column: 'result_on', label: '答复日期', type: 'date', sortable: true },
    ...common,
  ],
});

/** 防止激化 counts of a 排查: kept in the package under `preventedEscalation` */
const escalation = <const K extends string, const C extends string, const P extends string>(key: K, column: C, label: string, path: P) =>
  count(key, column, label, { packagePath: ['preventedEscalation', path] as const });

/** 矛盾纠纷排查: one round of screening in a village or the whole township (schema 22, data package v1 `screenings`). */
export const SCREENING = defineRegister({
  name: 'screenings',
  table: 'screenings',
  label: '矛盾纠纷排查',
  dateKey: 'date',
  titleKey: 'village',
  fields: [
    { key: 'date', column: 'date', label: '排查日期', type: 'date', required: true, sortable: true },
    {
      key: 'village',
      column: 'village',
      label: '村（社区）',
      type: 'text',
      max: 100,
      role: 'village',
      emptyMeans: '全镇',
      search: true,
      filter: true,
      sortable: true,
    },
    { key: 'committee', column: 'committee', label: '调委会', type: 'text', max: 200, search: true, filter: true, sortable: true },
    count('found', 'found', '发现纠纷（件）'),
    count('prevented', 'prevented', '预防纠纷（件）'),
    escalation('preventedCriminal', 'prevented_criminal', '防止转化为刑事案件（件）', 'criminal'),
    escalation('preventedSuicide', 'prevented_suicide', '防止引起自杀（件）', 'suicide'),
    escalation('preventedPetition', 'prevented_petition', '防止群体性上访（件）', 'petition'),
    escalation('preventedFight', 'prevented_fight', '防止群体性械斗（件）', 'fight'),
    ...common,
  ],
});

export const REGISTERS: Record<RegisterName, RegisterDef> = {
  activities: ACTIVITY,
  mediationCases: MEDIATION_CASE,
  inspections: INSPECTION,
  workItems: WORK_ITEM,
  disclosureRequests: DISCLOSURE_REQUEST,
  screenings: SCREENING,
};

export const REGISTER_NAMES = Object.keys(REGISTERS) as RegisterName[];

/** The registers whose records take attachments (`attachments: true` on the definition). */
export const ATTACHMENT_REGISTER_NAMES: readonly RegisterName[] = REGISTER_NAMES.filter((n) => REGISTERS[n].attachments);

/** 普法宣传活动 3 场、人民调解案件 2 件 …: a count per register, every register in order (summaries, CLI). */
export function registerCountsText(counts: Partial<Record<RegisterName, number>>, sep = '、'): string {
  return REGISTER_NAMES.map((n) => `${REGISTERS[n].label} ${counts[n] ?? 0} ${REGISTERS[n].countUnit ?? '条'}`).join(sep);
}

/**
 * A register's page in the app: the route, and every link to it (首页, the report's checks):
 * the name in kebab case (mediationCases → /mediation-cases).
 */
export function registerPath(name: RegisterName): string {
  return `/${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export function fieldOf(def: RegisterDef, key: string): FieldDef {
  const f = def.fields.find((x) => x.key === key);
  if (!f) throw new Error(`unknown field ${def.name}.${key}`);
  return f;
}
