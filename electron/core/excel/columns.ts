// Excel columns of each register, derived from registers.ts, with the header
// synonyms clerks use in their own sheets and the cell ⇄ value conversions.
import { xmlSafe } from '../util/xml-safe.ts';
import { choiceLabel, type FieldDef, type RegisterDef, type RegisterName } from '../../shared/registers.ts';

export interface ExcelColumn {
  field: FieldDef;
  /** header text: the field's Chinese label */
  header: string;
  /** column width in characters */
  width: number;
}

/** The id column: lets an exported sheet be edited and imported back as updates. */
export const ID_HEADER = '记录编号';
export const EXAMPLE_MARK = '【示例】';

export function excelColumns(def: RegisterDef): ExcelColumn[] {
  // list fields (当事人 one by one, 回访) do not fit one cell: they stay out of Excel
  return def.fields.filter((f) => f.type !== 'list').map((f) => ({ field: f, header: f.label, width: widthOf(f) }));
}

function widthOf(f: FieldDef): number {
  const labelWidth = [...f.label].length * 2 + 2;
  const typical: Record<string, number> = { date: 12, int: 8, money: 12, bool: 8, enum: 14, tags: 24, text: 16, longtext: 36 };
  let w = typical[f.type] ?? 14;
  if (f.type === 'text' && (f.max ?? 0) >= 200) w = 24;
  if (f.type === 'enum') w = Math.max(w, ...Object.values(f.options ?? {}).map((l) => [...l].length * 2 + 2));
  return Math.min(Math.max(labelWidth, w), 48);
}

/** Header names clerks use for a field, besides its label (normalised on match). */
const SYNONYMS: Record<RegisterName, Record<string, string[]>> = {
  activities: {
    date: ['日期', '活动日期', '活动时间', '时间', '开展时间', '开展日期'],
    title: ['活动名称', '名称', '活动主题', '主题', '活动内容', '活动名称及内容'],
    kind: ['形式', '活动形式', '宣传形式', '活动类型', '类型'],
    venue: ['阵地', '八进', '进', '宣传阵地', '场所类别'],
    place: ['地点', '活动地点', '宣传地点'],
    village: ['村', '村社区', '所在村', '所在村社区', '村居', '社区'],
    occasion: ['时间节点', '节点', '主题日'],
    laws: ['宣传的法律法规', '法律法规', '宣传法律', '宣传内容'],
    audience: ['受众人次', '参与人数', '参加人数', '受众人数', '参与人次', '受众', '人数', '人次', '覆盖人数', '受教育人数'],
    materials: ['发放资料', '资料', '宣传资料', '发放宣传资料', '发放资料份', '资料份数'],
    banners: ['横幅', '悬挂横幅', '横幅条'],
    boards: ['展板', '展板块'],
    consultations: ['解答咨询', '咨询人次', '咨询', '接受咨询'],
    views: ['线上阅读播放', '阅读量', '播放量', '阅读播放量', '浏览量'],
    organizer: ['主办单位', '主办', '承办单位', '组织单位'],
  },
  mediationCases: {
    caseNo: ['案号', '案件编号', '卷宗号'],
    acceptedOn: ['受理日期', '受理时间', '日期', '登记日期', '收案日期'],
    closedOn: ['结案日期', '结案时间', '调结日期', '办结日期'],
    type: ['纠纷类型', '类型', '案件类型', '纠纷类别'],
    source: ['案件来源', '来源', '纠纷来源'],
    village: ['村', '村社区', '所在村', '村居'],
    committee: ['调委会', '调解委员会', '人民调解委员会'],
    mediator: ['调解员', '调解人', '主调人', '承办人'],
    parties: ['当事人', '当事人姓名', '双方当事人', '申请人及被申请人'],
    partyCount: ['当事人人数', '涉及人数', '人数'],
    summary: ['纠纷简要情况', '简要案情', '案情', '纠纷情况', '案情简介', '纠纷事由'],
    status: ['调解状态', '状态', '调解结果', '结果'],
    agreement: ['协议形式', '协议', '协议类型'],
    amount: ['协议金额', '涉及金额', '金额', '协议金额元', '涉案金额'],
    judicialConfirmation: ['已申请司法确认', '司法确认', '是否司法确认'],
    followUpOn: ['回访日期', '回访时间'],
  },
  inspections: {
    date: ['检查日期', '检查时间', '日期', '时间'],
    field: ['执法领域', '领域', '检查领域', '行业领域'],
    mode: ['检查方式', '方式', '检查类型'],
    target: ['检查对象', '对象', '被检查单位', '被检查对象', '检查单位名称', '单位名称'],
    targetType: ['对象类型', '单位类型'],
    village: ['村', '村社区', '所在村', '村居'],
    inspectors: ['执法人员及证号', '执法人员', '检查人员', '执法证号'],
    entrusted: ['受委托执法', '委托执法', '是否受委托'],
    issuesFound: ['发现问题', '发现隐患', '问题数', '隐患数', '发现问题隐患', '发现问题处'],
    issuesRectified: ['已整改', '整改数', '整改', '已整改处'],
    outcome: ['处理结果', '结果', '处理情况'],
    penaltyDecisionNo: ['处罚决定书文号', '文号', '决定书文号', '处罚文号'],
    penaltyKind: ['处罚种类', '处罚类型'],
    penaltyAmount: ['罚没金额', '罚款金额', '罚款', '罚没款'],
    penaltyLegalReview: ['经法制审核', '法制审核', '是否法制审核'],
  },
  workItems: {
    date: ['日期', '时间', '开展日期', '开展时间'],
    category: ['工作类别', '类别', '类型', '工作类型'],
    title: ['事项', '名称', '内容', '工作内容', '事项名称'],
    subkind: ['细分类别', '细类', '子类'],
    count: ['数量', '件数', '次数', '条数'],
    participants: ['参加人次', '参与人数', '参加人数', '人次', '人数'],
    passed: ['考试合格人数', '合格人数', '合格'],
    opinions: ['意见建议', '意见建议条', '提出意见建议'],
    leaderAppeared: ['负责人出庭应诉', '出庭应诉', '负责人出庭'],
    outcome: ['结果', '处理结果', '办理结果'],
  },
  disclosureRequests: {
    receivedOn: ['收到申请日期', '收到日期', '申请日期', '受理日期', '日期', '登记日期'],
    applicantType: ['申请人类型', '申请人类别', '类型', '申请人情况'],
    applicant: ['申请人', '申请人姓名', '申请人名称', '姓名'],
    subject: ['申请内容', '申请公开内容', '申请公开的信息', '内容', '事项'],
    channel: ['申请方式', '方式', '申请渠道', '渠道'],
    result: ['办理结果', '答复结果', '处理结果', '结果'],
    resultOn: ['答复日期', '答复时间', '办结日期', '办结时间'],
  },
  screenings: {
    date: ['排查日期', '日期', '排查时间'],
    village: ['村（社区）', '村', '村居', '社区', '排查村（社区）', '排查范围'],
    committee: ['调委会', '人民调解委员会', '调解委员会'],
    found: ['发现纠纷', '排查发现纠纷', '发现矛盾纠纷', '发现纠纷件'],
    prevented: ['预防纠纷', '预防纠纷件'],
    preventedCriminal: ['防止民间纠纷转化为刑事案件', '防止转化为刑事案件', '防止民转刑'],
    preventedSuicide: ['防止因民间纠纷引起自杀', '防止引起自杀', '防止自杀'],
    preventedPetition: ['防止群体性上访', '防止上访'],
    preventedFight: ['防止群体性械斗', '防止械斗'],
  },
};

const COMMON_SYNONYMS: Record<string, string[]> = {
  department: ['填报部门', '部门', '填报单位', '责任部门'],
  notes: ['备注', '说明'],
};

/** 「发放资料（份）」, 「发放资料(份)」 and 「 发放资料 」 all become 发放资料份 / 发放资料. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[（(【[]/g, '(')
    .replace(/[）)】\]]/g, ')')
    .replace(/[：:]/g, '')
    .toLowerCase();
}
const withoutParens = (h: string) => h.replace(/\([^)]*\)/g, '');
const flat = (h: string) => h.replace(/[()]/g, '');

/** Lookup from every accepted header spelling to a field key (or `id`). */
export function headerIndex(def: RegisterDef): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, key: string) => {
    const n = normalizeHeader(name);
    for (const v of [n, flat(n), withoutParens(n)]) if (v && !map.has(v)) map.set(v, key);
  };
  // labels and keys first: they win over synonyms
  for (const f of def.fields) {
    add(f.label, f.key);
    add(f.key, f.key);
  }
  add(ID_HEADER, 'id');
  add('id', 'id');
  const syn = { ...COMMON_SYNONYMS, ...SYNONYMS[def.name] };
  for (const [key, names] of Object.entries(syn)) for (const n of names) add(n, key);
  return map;
}

export function matchHeader(index: Map<string, string>, header: string): string | null {
  const n = normalizeHeader(header);
  return index.get(n) ?? index.get(flat(n)) ?? index.get(withoutParens(n)) ?? null;
}

// ---------------------------------------------------------------- cell values

/** A cell that cannot be read as a value at all. */
export class CellError extends Error {}

/** What a cell holds, reduced to a string, number, boolean, Date or null. */
export type Plain = string | number | boolean | Date | null;

export function plainValue(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return plainValue((o.richText as { text: string }[]).map((r) => r.text).join(''));
    if ('result' in o) return plainValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('text' in o) return plainValue(o.text);
    // #DIV/0!, #N/A …: kept as its code, so the cell is refused by name (never read as empty, a count as 0)
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/** A cell as text; a date Excel cannot represent (a huge serial in a date format) reads as 无效日期, never a crash. */
export const plainText = (v: Plain) =>
  v instanceof Date ? (Number.isNaN(v.getTime()) ? '无效日期' : v.toISOString().slice(0, 10)) : v === null ? '' : String(v).trim();

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** A date cell: an Excel date, an Excel serial number, or 2023-5-8 / 2023.05.08 / 2023/5/8 / 2023年5月8日 / 20230508. */
export function toDateString(v: Plain): string | Plain {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '无效日期';
    // exceljs reads dates as UTC midnight; round to the nearest day against float noise
    const t = new Date(Math.round(v.getTime() / 86_400_000) * 86_400_000);
    return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  if (typeof v === 'number') {
    if (v > 25_000 && v < 80_000) {
      const t = new Date(Math.round((v - 25_569) * 86_400_000));
      return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    }
    if (Number.isInteger(v) && v >= 20_000_101 && v <= 21_001_231) return toDateString(String(v));
    return String(v);
  }
  if (typeof v === 'string') {
    const s = v.trim().replace(/\s+/g, '');
    let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s);
    if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(s);
    if (iso) return iso[1];
    return s;
  }
  return v === null ? null : String(v);
}

/** A count or amount: numbers, or text like “1,200”, “300人次”, “2.5万”. */
export function toNumber(v: Plain): Plain {
  if (typeof v === 'number' || v === null) return v;
  if (typeof v === 'string') {
    const s = v
      .trim()
      .replace(/[,，\s]/g, '')
      .replace(/(人次|人|份|条|块|次|处|件|个|场|元|名)$/, '');
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
    const wan = /^(\d+(?:\.\d+)?)万$/.exec(s);
    if (wan) return Math.round(Number(wan[1]) * 10_000);
    return v.trim();
  }
  if (typeof v === 'boolean') return String(v);
  return plainText(v);
}

const TRUE = new Set(['是', '√', '✓', 'y', 'yes', 'true', '1', '有', '已申请', '已审核', '出庭', '已出庭']);
const FALSE = new Set(['否', '×', '✗', 'n', 'no', 'false', '0', '无', '未申请', '未审核', '未出庭']);

export function toBool(v: Plain): Plain {
  if (typeof v === 'boolean' || v === null) return v;
  const s = plainText(v).toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return plainText(v);
}

/** An enum cell: the Chinese label (or a part of a “院坝会/群众会” label), or the code. */
export function toEnumCode(f: FieldDef, v: Plain): Plain {
  if (v === null) return null;
  const s = plainText(v);
  const options = f.options ?? {};
  if (Object.hasOwn(options, s)) return s;
  const n = normalizeHeader(s);
  for (const [code, label] of Object.entries(options)) {
    const ln = normalizeHeader(label);
    if (ln === n || withoutParens(ln) === n || flat(ln) === n) return code;
    if (label.split(/[/、，,]/).some((part) => normalizeHeader(part) === n)) return code;
    // “不予公开：属于国家秘密” is also written as its item alone (“属于国家秘密”, “重复申请”)
    if (label.includes('：') && normalizeHeader(label.slice(label.indexOf('：') + 1)) === n) return code;
    if (code.toLowerCase() === n) return code;
  }
  return s;
}

export function toTags(v: Plain): Plain | string[] {
  if (v === null) return [];
  return plainText(v)
    .split(/[、,，;；\n]+/)
    .map((t) => t.trim().replace(/^《(.*)》$/, '$1'))
    .filter(Boolean);
}

/**
 * A choice list's cell (并处种类): its labels found in the text, longest first (a label may itself hold
 * a 、: 警告、通报批评), in the order written; what is left, split at separators, as written (a code, or
 * a word validateRecord then names as invalid).
 */
export function toOptionTags(options: Readonly<Record<string, string>>, v: Plain): string[] {
  if (v === null) return [];
  let s = plainText(v);
  const found: { at: number; code: string }[] = [];
  for (const [code, label] of Object.entries(options).sort((a, b) => b[1].length - a[1].length)) {
    const at = s.indexOf(label);
    if (at < 0) continue;
    found.push({ at, code });
    s = s.slice(0, at) + ' '.repeat(label.length) + s.slice(at + label.length);
  }
  const rest = s
    .split(/[、,，;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...found.sort((a, b) => a.at - b.at).map((f) => f.code), ...rest];
}

/** Excel's error values (a formula that cannot be computed). */
const EXCEL_ERROR = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Converts one cell to what validateRecord expects for its field. */
export function cellToField(f: FieldDef, v: Plain): unknown {
  // a number in a date format beyond any calendar (Excel shows ########): the cell's problem, named by row and column
  if (v instanceof Date && Number.isNaN(v.getTime())) throw new CellError('单元格是一个超出范围的日期（Excel 中显示为 ####）');
  if (typeof v === 'string' && EXCEL_ERROR.test(v.trim()))
    throw new CellError(`单元格是 Excel 的错误值“${v.trim()}”（公式算不出结果），请改成${f.type === 'int' || f.type === 'money' ? '数字' : '内容'}或留空`);
  switch (f.type) {
    case 'date':
      return toDateString(v);
    case 'int':
    case 'money':
      return toNumber(v);
    case 'bool':
      return toBool(v);
    case 'enum':
      return toEnumCode(f, v);
    case 'tags':
      return f.options ? toOptionTags(f.options, v) : toTags(v);
    default:
      return v === null ? null : v instanceof Date ? plainText(v) : typeof v === 'string' ? v.trim() : String(v);
  }
}

/** An API value as an Excel cell value. */
/** A value as its Excel cell; text XML-safe (no character illegal in XML 1.0 reaches the .xlsx). */
export function fieldToCell(f: FieldDef, value: unknown): string | number | Date | null {
  const v = rawCell(f, value);
  return typeof v === 'string' ? xmlSafe(v) : v;
}

function rawCell(f: FieldDef, value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (f.type) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(value);
    }
    case 'int':
    case 'money':
      return typeof value === 'number' ? value : null;
    case 'bool':
      return value ? '是' : '否';
    case 'enum':
      return f.options && Object.hasOwn(f.options, String(value)) ? f.options[String(value)] : String(value);
    case 'tags':
      // a choice list (并处种类) is written as its labels, read back as codes by validateRecord
      return Array.isArray(value)
        ? value.map((x) => (f.options && Object.hasOwn(f.options, String(x)) ? f.options[String(x)] : String(x))).join(f.options ? '；' : '、')
        : String(value);
    default:
      return choiceLabel(f, String(value));
  }
}
