// Every fixed wording of the annual report in one place: subsection titles,
// the clauses that state the ledger's facts, the drafts offered where the clerk
// has not written, and the year-aware political references. Generated sentences
// state facts only; judgement ("不断提升") is the clerk's text.
import type { MeasureKey } from '../../shared/records.ts';

/** Default （一） titles, used when the clerk wrote none (the clerk's measureTitles replace them). */
export const DEFAULT_TITLES: Record<MeasureKey, string> = {
  leadership: '加强组织领导，推进学法用法',
  decisions: '坚持依法科学民主决策',
  enforcement: '严格规范公正文明执法',
  publicity: '深入开展普法宣传',
  mediation: '推进矛盾纠纷多元化解',
  openness: '全面推进政务公开',
  supervision: '依法做好行政复议、行政应诉工作',
  other: '其他工作',
};

/** How the township names itself: 镇 / 乡 / 街道, and its government as respondent. */
export interface TownWords {
  /** 镇 · 乡 · 街道 */
  unit: string;
  /** 镇政府 · 乡政府 · 街道办事处 */
  government: string;
  /** 镇党委 · 乡党委 · 街道党工委 */
  party: string;
}

export function townWords(name: string): TownWords {
  if (name.endsWith('街道')) return { unit: '街道', government: '街道办事处', party: '街道党工委' };
  const last = name.slice(-1);
  if (last === '乡') return { unit: '乡', government: '乡政府', party: '乡党委' };
  return { unit: '镇', government: '镇政府', party: '镇党委' };
}

export const P = {
  // 组织领导、学法
  meeting: (n: string) => `召开法治建设专题会议${n}次`,
  study: (n: string) => `组织集体学法${n}次`,
  studyPeople: (n: string) => `参学${n}人次`,
  training: (kinds: string, n: string) => `开展${kinds ? `${kinds}` : ''}法治培训${n}次`,
  trainingPeople: (n: string) => `培训${n}人次`,
  exam: (n: string) => `组织学法考试${n}次`,
  examPeople: (n: string) => `参考${n}人`,
  examPassed: (n: string, rate: string) => `合格${n}人，合格率${rate}`,

  // 依法决策
  reviewOneKind: (n: string, what: string) => `对${n}份${what}进行合法性审查`,
  reviewTotal: (n: string) => `开展合法性审查${n}份`,
  reviewOpinions: (n: string) => `提出审查意见${n}条`,
  consult: (n: string) => `咨询法律顾问${n}次`,
  consultOpinions: (n: string) => `听取意见建议${n}条`,

  // 执法
  enforcers: (unit: string, n: string) => `全${unit}持行政执法证人员${n}名`,
  quota: (n: string) => `综合执法机构编制${n}人`,
  actual: (n: string) => `实有${n}人`,
  inspections: (n: string) => `全年开展行政检查${n}次`,
  issuesFound: (n: string) => `发现问题${n}处`,
  issuesRectified: (n: string, rate: string) => `已整改${n}处，整改率${rate}`,
  penalties: (n: string) => `作出行政处罚${n}件`,
  penaltiesAllOneKind: (label: string) => `均为${label}`,
  penaltyAmount: (money: string) => `罚没金额${money}`,
  entrustedInspections: (n: string) => `另受委托实施行政检查${n}次`,
  entrustedInspectionsOnly: (n: string) => `全年受委托实施行政检查${n}次`,
  entrustedPenalties: (n: string) => `受委托实施${n}件`,
  entrustedPenaltiesOnly: (n: string) => `全年受委托实施行政处罚${n}件`,
  caseReview: (n: string) => `开展执法案卷评查${n}次`,

  // 普法
  events: (n: string) => `全年开展普法宣传活动${n}场次`,
  eventsAllOneKind: (label: string) => `均为${label}`,
  column: (n: string) => `办普法宣传栏${n}期`,
  bulletin: (n: string) => `编发普法简报${n}期`,
  online: (n: string) => `发布网络普法宣传${n}次`,
  schools: (n: string) => `走进学校${n}所`,
  enterprises: (n: string) => `走进企业${n}家`,
  villages: (n: string) => `覆盖村（社区）${n}个`,
  materials: (n: string) => `发放宣传资料${n}份`,
  banners: (n: string) => `悬挂横幅${n}条`,
  boards: (n: string) => `设置展板${n}块`,
  consultations: (n: string) => `解答群众法律咨询${n}人次`,
  views: (n: string) => `线上阅读播放${n}次`,
  audience: (n: string) => `受众${n}人次`,
  occasions: (list: string) => `围绕${list}等时间节点开展主题宣传`,
  lawLiterates: (n: string) => `培育“法律明白人”${n}名`,

  // 矛盾纠纷化解
  mediationSetup: (unit: string, list: string) => `全${unit}现有${list}`,
  committees: (n: string) => `人民调解委员会${n}个`,
  mediators: (n: string) => `人民调解员${n}名`,
  rooms: (n: string) => `调解室${n}个`,
  screening: (n: string) => `开展矛盾纠纷排查${n}次`,
  mediatorTraining: (n: string) => `组织人民调解员培训${n}次`,
  cases: (n: string) => `全年受理矛盾纠纷${n}件`,
  casesAllOneType: (label: string) => `均为${label}`,
  success: (n: string, rate: string | null) => `调解成功${n}件${rate ? `，调解成功率${rate}` : ''}`,
  failed: (n: string) => `调解不成功${n}件`,
  inProgress: (n: string) => `另有${n}件正在调解中`,
  written: (n: string) => `书面协议${n}份`,
  oral: (n: string) => `口头协议${n}件`,
  agreements: (list: string) => `达成${list}`,

  // 政务公开
  disclosure: (n: string) => `全年主动公开政府信息${n}条`,

  // 复议、诉讼 (the township is the respondent)
  reconsideration: (gov: string, n: string) => `以${gov}为被申请人的行政复议案件${n}件`,
  litigation: (gov: string, n: string) => `以${gov}为被告的行政诉讼案件${n}件`,
  leaderAppeared: (n: string) => `行政机关负责人出庭应诉${n}次`,
  casesIntro: '全年发生',
  noCasesConfirmed: (gov: string) => `全年未发生以${gov}为被申请人的行政复议案件和以${gov}为被告的行政诉讼案件`,

  // appendix
  appendixIntro: '附件：',
  appendixIndent: '　　　',
} as const;

/** Well-known days, named in full (spec: Number style). Keys are normalised: digits joined by ·. */
const KNOWN_DAYS: Record<string, string> = {
  '3·15': '“3·15”国际消费者权益日',
  '4·15': '“4·15”全民国家安全教育日',
  '6·26': '“6·26”国际禁毒日',
  '12·4': '“12·4”国家宪法日',
};
const DAY_WORDS: [RegExp, string][] = [
  [/国家宪法日/, '12·4'],
  [/国际禁毒日|禁毒日/, '6·26'],
  [/国家安全教育日/, '4·15'],
  [/消费者权益日|消费者权益保护日/, '3·15'],
];

/** A 时间节点 as the report names it: "3.15" / "3·15" / "12·4国家宪法日" → the full name. */
export function occasionName(raw: string): string {
  const t = raw.trim().replace(/^[“"]|[”"]$/g, '');
  const m = /^(\d{1,2})\s*[·.．・、月-]\s*(\d{1,2})日?/.exec(t);
  if (m) {
    const key = `${Number(m[1])}·${Number(m[2])}`;
    if (Object.hasOwn(KNOWN_DAYS, key)) return KNOWN_DAYS[key];
    return `“${key}”${t.slice(m[0].length).replace(/^[”"]/, '')}`;
  }
  for (const [re, key] of DAY_WORDS) if (re.test(t)) return KNOWN_DAYS[key];
  return t;
}

/** Political references by the first report year that may carry them (spec: the reviewer list). */
export const POLITICAL_REFERENCES: { phrase: string; from: number }[] = [
  { phrase: '习近平法治思想', from: 2020 },
  { phrase: '党的二十大', from: 2022 },
  { phrase: '二十届三中全会', from: 2024 },
  { phrase: '二十届四中全会', from: 2025 },
];

/** The guiding-thought clause of a drafted opening, using only what the year had. */
export function guidance(year: number): string {
  const parts: string[] = [];
  if (year >= 2018)
    parts.push(year >= 2020 ? '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想' : '坚持以习近平新时代中国特色社会主义思想为指导');
  if (year >= 2025) parts.push('全面贯彻党的二十大和二十届历次全会精神');
  else if (year >= 2024) parts.push('全面贯彻党的二十大和二十届三中全会精神');
  else if (year >= 2023) parts.push('全面贯彻党的二十大精神');
  return parts.join('，');
}

export function superiorPhrase(superior: string | null): string {
  if (!superior) return '上级党委、政府';
  const tail = superior.slice(-1);
  return /[市县区旗]/.test(tail) ? `${superior}委、${tail}政府` : `${superior}党委、政府`;
}

export const DRAFTS = {
  intro: (year: number, name: string, superior: string | null, w: TownWords) => {
    const g = guidance(year);
    return `${year}年，${name}${g ? `${g}，` : ''}在${superiorPhrase(superior)}和${w.party}的领导下，推进法治政府建设各项工作。现将${name}${year}年法治政府建设情况报告如下：`;
  },
  leaderDuties: (w: TownWords) =>
    `${w.party}书记、${w.unit === '街道' ? '街道办事处主任' : `${w.unit}长`}履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，将法治建设纳入年度工作计划。`,
  nextYearPlan: (year: number) => [
    year >= 2020
      ? '一是深入学习贯彻习近平法治思想。健全领导干部集体学法制度，把法治建设纳入年度工作计划。'
      : '一是加强学法用法。健全领导干部集体学法制度，把法治建设纳入年度工作计划。',
    '二是推进依法科学民主决策。严格落实重大行政决策程序，充分发挥法律顾问作用，做到合法性审查应审尽审。',
    '三是严格规范公正文明执法。全面落实行政执法“三项制度”，加强执法人员培训和执法案卷评查。',
    '四是深化法治宣传教育和矛盾纠纷化解。落实“谁执法谁普法”普法责任制，坚持和发展新时代“枫桥经验”。',
  ],
  shortcomingsGeneric: '基层法治工作力量相对薄弱，法治工作人员多为兼职，专业法律知识与工作要求相比仍有差距。',
  other: '无。',
} as const;

export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
