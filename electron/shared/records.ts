// The record shapes the API returns. They are flat (the data package nests the
// penalty of an inspection; exchange/ converts). Optional text is null when empty.
import type { OpennessYear } from './openness.ts';
import type { EnforcementActs, EnforcementDoc } from './enforcement.ts';
import type {
  ACTIVITY,
  DISCLOSURE_REQUEST,
  EntryOf,
  FieldsOf,
  FOLLOW_UP_ITEMS,
  INSPECTION,
  MEDIATION_CASE,
  PARTY_ITEMS,
  RegisterName,
  SCREENING,
  WORK_ITEM,
} from './registers.ts';

export type RecordMeta = {
  id: string;
  /** ISO 8601 datetime of the last change */
  updatedAt: string;
  /** set while the record is in the 回收站 */
  deletedAt: string | null;
  /** a demo record (示例数据): 设置 「清除示例数据」 removes exactly these */
  demo?: boolean;
};

// Each register's fields, derived from its definition in registers.ts (the one source):
// a field added there is a field here.
export type ActivityFields = FieldsOf<typeof ACTIVITY>;
export type MediationCaseFields = FieldsOf<typeof MEDIATION_CASE>;
export type InspectionFields = FieldsOf<typeof INSPECTION>;
export type WorkItemFields = FieldsOf<typeof WORK_ITEM>;
export type DisclosureRequestFields = FieldsOf<typeof DISCLOSURE_REQUEST>;
export type ScreeningFields = FieldsOf<typeof SCREENING>;

/** 当事人 one by one — personal data */
export type PartyEntry = EntryOf<typeof PARTY_ITEMS>;

/** one 回访 */
export type FollowUpEntry = EntryOf<typeof FOLLOW_UP_ITEMS>;

export type RegisterFields = {
  activities: ActivityFields;
  mediationCases: MediationCaseFields;
  inspections: InspectionFields;
  workItems: WorkItemFields;
  disclosureRequests: DisclosureRequestFields;
  screenings: ScreeningFields;
};

export type RecordOf<R extends RegisterName> = RegisterFields[R] & RecordMeta;
export type Activity = RecordOf<'activities'>;
export type MediationCase = RecordOf<'mediationCases'>;
export type Inspection = RecordOf<'inspections'>;
export type WorkItem = RecordOf<'workItems'>;
export type DisclosureRequest = RecordOf<'disclosureRequests'>;
export type Screening = RecordOf<'screenings'>;
export type AnyRecord = RecordOf<RegisterName>;

/** What create/update accept: any subset of the fields; validation fills defaults. */
export type RecordInput<R extends RegisterName> = { [K in keyof RegisterFields[R]]?: unknown } & { id?: string };

export interface ListQuery {
  year?: number;
  from?: string;
  to?: string;
  keyword?: string;
  /** exact-match filters by field key (enums, 村/社区, 填报部门 …) */
  filters?: Record<string, string | boolean>;
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  /** list the 回收站 instead */
  deleted?: boolean;
  /** the day time-dependent filters (卷宗不完整) are judged on; default: today */
  today?: string;
}

export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Township {
  /** 简称, e.g. 小陶镇 */
  name: string;
  /** 发文机关全称, e.g. 永安市小陶镇人民政府 */
  authority: string;
  /** 上级, e.g. 永安市 */
  superior: string | null;
}

export interface AppSettings {
  township: Township | null;
  /** 报告中人次、份数等用“5000余份”式约数 */
  approximateNumbers: boolean;
  /** 政务公开年报 opening: how to reach the office (地址、电话), null when not given */
  opennessContact: string | null;
  /** 主送机关, printed under the report's title when set (e.g. 中共永安市委、永安市人民政府：) */
  addressee: string | null;
  /** 案号 pattern of 人民调解案件: {简称} {乡镇} {年度} {序号} ({序号:3} pads to 3 digits) */
  caseNoPattern: string;
  /** 乡镇设置 村（社区）名单: the villages 首页 checks for a 普法 activity ([]: those named in the ledger) */
  villages: string[];
}

export const DEFAULT_CASE_NO_PATTERN = '{简称}调〔{年度}〕{序号}号';

export const NARRATIVE_KEYS = ['intro', 'leaderDuties', 'shortcomings', 'nextYearPlan', 'other'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narrative = Record<NarrativeKey, string | null>;

/** The subsections of 一、主要举措和成效, in the order the report prints them (data package v1). */
export const MEASURE_KEYS = ['leadership', 'decisions', 'enforcement', 'publicity', 'mediation', 'openness', 'supervision', 'other'] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];
export type Measures = Record<MeasureKey, string | null>;

export const MEASURE_LABELS: Record<MeasureKey, string> = {
  leadership: '组织领导、学法用法',
  decisions: '依法科学民主决策',
  enforcement: '严格规范公正文明执法',
  publicity: '普法宣传',
  mediation: '矛盾纠纷化解',
  openness: '政务公开',
  supervision: '行政复议、应诉和监督',
  other: '其他举措',
};

/** Parts 二 and 三: the regulation's order (二 不足, 三 第一责任人) or 第一责任人 second (data package v1). */
export const SECTION_ORDERS = ['regulation', 'leaderDutiesSecond'] as const;
export type SectionOrder = (typeof SECTION_ORDERS)[number];

/** The clerk's order first, then every area it does not list in the default order (new areas go last). */
export function orderedMeasureKeys(order: readonly string[] | null | undefined): MeasureKey[] {
  const known = (order ?? []).filter((k, i, a): k is MeasureKey => (MEASURE_KEYS as readonly string[]).includes(k) && a.indexOf(k) === i);
  return [...known, ...MEASURE_KEYS.filter((k) => !known.includes(k))];
}

/** A clerk's subsection title: one line, at most this many characters. */
export const MEASURE_TITLE_MAX = 60;

export interface YearProfile {
  year: number;
  mediationCommittees: number | null;
  mediators: number | null;
  mediationRooms: number | null;
  certifiedEnforcers: number | null;
  enforcementQuota: number | null;
  enforcementActual: number | null;
  lawLiterates: number | null;
  reportDate: string | null;
  narrative: Narrative;
  /** the 政务公开年报's own figures and texts (schema 5) */
  openness: OpennessYear;
  /** the clerk's text per measure area of section 一 (package: narrative.measures) */
  measures: Measures;
  /** the clerk's subsection titles (package: narrative.measureTitles) */
  measureTitles: Measures;
  /**
   * the clerk confirms no 行政复议 / 行政诉讼 case named the township this year;
   * null = not answered (no records is not proof)
   */
  noReviewOrLitigation: boolean | null;
  /** 应持证执法人员（名）, 表五's 执法人员总数 (schema 20) */
  enforcersRequired: number | null;
  /** the 许可、强制、征收 … counts of the 行政执法数据 (schema 20) */
  enforcementActs: EnforcementActs;
  /** the 行政执法数据's texts and settings (schema 20; not in the data package) */
  enforcementDoc: EnforcementDoc;
  /** the clerk's order of the subsections of 一; null = the default order */
  measureOrder: MeasureKey[] | null;
  /** parts 二 and 三 (default: the regulation's) */
  sectionOrder: SectionOrder;
  updatedAt: string | null;
}

export const emptyMeasures = (): Measures => Object.fromEntries(MEASURE_KEYS.map((k) => [k, null])) as Measures;

export const PROFILE_FIGURE_KEYS = [
  'mediationCommittees',
  'mediators',
  'mediationRooms',
  'certifiedEnforcers',
  'enforcementQuota',
  'enforcementActual',
  'lawLiterates',
] as const;
export type ProfileFigureKey = (typeof PROFILE_FIGURE_KEYS)[number];

export const PROFILE_FIGURE_LABELS: Record<ProfileFigureKey, string> = {
  mediationCommittees: '人民调解委员会（个）',
  mediators: '人民调解员（名）',
  mediationRooms: '调解室（个）',
  certifiedEnforcers: '持行政执法证人员（名）',
  enforcementQuota: '综合执法机构编制（人）',
  enforcementActual: '综合执法机构实有（人）',
  lawLiterates: '“法律明白人”（名）',
};

export const NARRATIVE_LABELS: Record<NarrativeKey, string> = {
  intro: '开头段',
  leaderDuties: '第一责任人履职情况',
  shortcomings: '存在的不足和原因',
  nextYearPlan: '下一年度主要安排',
  other: '其他需要报告的情况',
};
