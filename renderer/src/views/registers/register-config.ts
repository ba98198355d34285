// What differs between the register pages beyond their RegisterDef: where the page is and how
// the menu and 首页 show it, which columns the table shows, which text fields get suggestions,
// which fields show only in some cases, and what to say when the list is empty. The router,
// the menu (AppLayout) and the 首页 cards are all built from REGISTER_PAGE_LIST.
import type { Component } from 'vue';
import { Briefcase, ChatLineRound, Collection, Reading, Search, Tickets } from '@element-plus/icons-vue';
import type { RegisterFields } from '@shared/records.ts';
import { REGISTERS, registerPath, type FieldDef, type RegisterDef, type RegisterName } from '@shared/registers.ts';
import { replyLateness } from '@shared/workdays.ts';

/** A field key of register R: a page's columns, filters … name fields the register has (checked by typecheck). */
type FieldKey<R extends RegisterName> = keyof RegisterFields[R] & string;

export interface RegisterPageConfig<K extends string = string> {
  def: RegisterDef;
  /** the route (registerPath: /mediation-cases …) */
  path: string;
  /** 普法宣传 (menu label and page title) */
  title: string;
  /** the menu's and 首页 card's icon */
  icon: Component;
  /** the 首页 card's and chart's colour */
  color: string;
  /** what the 首页 card counts: 场 / 件 / 次 / 项 */
  unit: string;
  /** 一场活动 / 一件案件 … used in buttons and messages: 新增{noun} */
  noun: string;
  /** one sentence under the page title */
  description: string;
  /** table columns, by field key, in order */
  columns: readonly K[];
  /** column widths in px (others share the rest) */
  widths?: Partial<Record<K, number>>;
  /** filters shown without opening 更多筛选 (field keys) */
  primaryFilters: readonly K[];
  /** text fields whose input offers earlier values (<reg>.suggest) */
  suggest: readonly K[];
  /** fields shown only when the predicate holds, beyond a field's `onlyWhen` in registers.ts */
  visibleWhen?: Partial<Record<K, (form: Record<string, unknown>) => boolean>>;
  /** default sort */
  sortBy: K;
  /** a data warning shown beside a record in the list and in its form (null: none) */
  warningOf?: (record: Record<string, unknown>, today: string) => string | null;
  /** columns of the printed list (A4 landscape); default: the table's */
  printColumns?: readonly K[];
  /** the form's field order when it differs from registers.ts (keys not listed follow) */
  formOrder?: readonly K[];
}

const hasNoPartyList = (f: Record<string, unknown>) => !Array.isArray(f.partyList) || f.partyList.length === 0;
const isWritten = (f: Record<string, unknown>) => f.agreement === 'written';
const isClosed = (f: Record<string, unknown>) => f.status === 'success' || f.status === 'failed' || (Array.isArray(f.followUps) && f.followUps.length > 0);

/** One register's page; its definition and path follow from its name. */
function page<R extends RegisterName>(name: R, config: Omit<RegisterPageConfig<FieldKey<R>>, 'def' | 'path'>): RegisterPageConfig {
  return { def: REGISTERS[name], path: registerPath(name), ...config };
}

export const REGISTER_PAGES: Record<RegisterName, RegisterPageConfig> = {
  activities: page('activities', {
    icon: Reading,
    color: '#2f6fd6',
    unit: '场',
    title: '普法宣传',
    noun: '活动',
    description: '每一场普法宣传活动：集中宣传、讲座、培训、法律咨询、网络宣传等。',
    columns: ['date', 'title', 'kind', 'village', 'audience', 'materials', 'department'],
    printColumns: ['date', 'title', 'kind', 'venue', 'place', 'village', 'audience', 'materials', 'organizer', 'department'],
    widths: { date: 112, kind: 130, village: 150, audience: 105, materials: 160, department: 105 },
    primaryFilters: ['kind', 'village'],
    suggest: ['place', 'village', 'occasion', 'organizer', 'department'],
    sortBy: 'date',
  }),
  mediationCases: page('mediationCases', {
    icon: ChatLineRound,
    color: '#1f9d6b',
    unit: '件',
    title: '人民调解',
    noun: '案件',
    description: '人民调解委员会受理的每一件矛盾纠纷及其卷宗。当事人信息、纠纷事实和协议内容只保存在本机，不进入统计和报告。',
    columns: ['acceptedOn', 'caseNo', 'type', 'village', 'status', 'amount', 'closedOn'],
    // at 1366 px the whole 案号 (with its 示例 tag) and 卷宗 beside 操作 fit without scrolling
    widths: { acceptedOn: 104, caseNo: 214, type: 100, village: 100, status: 96, amount: 124, closedOn: 104 },
    primaryFilters: ['type', 'status', 'village'],
    visibleWhen: {
      agreementTerms: isWritten,
      performance: isWritten,
      copies: isWritten,
      followUps: isClosed,
      // the old free-text 当事人 / 简要情况 show only on records that have them and no party list
      parties: hasNoPartyList,
      partyCount: hasNoPartyList,
      summary: (f) => !!f.summary,
    },
    formOrder: [
      'caseNo',
      'acceptedOn',
      'closedOn',
      'type',
      'source',
      'village',
      'committee',
      'mediator',
      'parties',
      'partyCount',
      'partyList',
      'summary',
      'facts',
      'status',
      'agreement',
      'amount',
      'agreementTerms',
      'performance',
      'copies',
      'judicialConfirmation',
      'followUpOn',
      'followUps',
    ],
    printColumns: ['caseNo', 'acceptedOn', 'type', 'source', 'village', 'mediator', 'status', 'agreement', 'amount', 'closedOn', 'followUpOn'],
    // 案号 is never suggested from numbers already used: the form proposes the next free one
    suggest: ['village', 'committee', 'mediator', 'department'],
    sortBy: 'acceptedOn',
  }),
  screenings: page('screenings', {
    icon: Search,
    color: '#3f9a8a',
    unit: '次',
    title: '矛盾纠纷排查',
    noun: '排查',
    description: '每一次矛盾纠纷排查：排查的村（社区）、发现和预防的纠纷，以及防止激化的件数。调解统计的排查栏由这里合计。',
    columns: ['date', 'village', 'committee', 'found', 'prevented', 'preventedCriminal', 'preventedPetition'],
    printColumns: [
      'date',
      'village',
      'committee',
      'found',
      'prevented',
      'preventedCriminal',
      'preventedSuicide',
      'preventedPetition',
      'preventedFight',
      'department',
    ],
    widths: { date: 112, village: 130, found: 145, prevented: 145, preventedCriminal: 215, preventedPetition: 190 },
    primaryFilters: ['village', 'committee'],
    suggest: ['village', 'committee', 'department'],
    sortBy: 'date',
  }),
  inspections: page('inspections', {
    icon: Briefcase,
    color: '#d9822b',
    unit: '次',
    title: '行政执法',
    noun: '检查',
    description: '每一次行政执法检查及其处理结果；处理结果为“行政处罚”时填写处罚信息。',
    columns: ['date', 'target', 'field', 'village', 'issuesFound', 'outcome', 'penaltyAmount'],
    printColumns: [
      'date',
      'target',
      'field',
      'mode',
      'village',
      'inspectors',
      'issuesFound',
      'issuesRectified',
      'outcome',
      'penaltyDecisionNo',
      'penaltyAmount',
    ],
    widths: { date: 112, field: 110, village: 120, issuesFound: 160, outcome: 115, penaltyAmount: 160 },
    primaryFilters: ['field', 'outcome', 'village'],
    suggest: ['target', 'village', 'inspectors', 'department'],
    sortBy: 'date',
  }),
  workItems: page('workItems', {
    icon: Collection,
    color: '#7a5cc7',
    unit: '项',
    title: '其他法治工作',
    noun: '事项',
    description: '集体学法、专题会议、培训考试、合法性审查、政务公开、复议诉讼等其他法治工作。',
    columns: ['date', 'category', 'title', 'subkind', 'count', 'participants', 'department'],
    widths: { date: 112, category: 160, subkind: 110, count: 80, participants: 105, department: 105 },
    primaryFilters: ['category', 'department'],
    suggest: ['subkind', 'outcome', 'department'],
    sortBy: 'date',
  }),
  disclosureRequests: page('disclosureRequests', {
    icon: Tickets,
    color: '#4a8f9c',
    unit: '件',
    title: '依申请公开',
    noun: '申请',
    description: '每一件政府信息公开申请：收到日期、申请人类型、办理结果和答复日期。申请人姓名不会进入统计和报告。',
    columns: ['receivedOn', 'subject', 'applicantType', 'channel', 'result', 'resultOn'],
    widths: { receivedOn: 136, applicantType: 130, channel: 110, result: 230, resultOn: 112 },
    primaryFilters: ['applicantType', 'result'],
    suggest: ['department'],
    sortBy: 'receivedOn',
    warningOf: (r, today) => replyLateness(String(r.receivedOn ?? ''), (r.resultOn as string | null) ?? null, today)?.message ?? null,
  }),
};

/** The register pages in the order the menu and 首页 show them. */
export const REGISTER_PAGE_LIST: readonly RegisterPageConfig[] = Object.values(REGISTER_PAGES);

export function fieldMap(def: RegisterDef): Map<string, FieldDef> {
  return new Map(def.fields.map((f) => [f.key, f]));
}
