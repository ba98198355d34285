// Record validation shared by the API, the data package import, Excel import
// and the forms. Every message is Chinese and names the field by its label.
import { choicesFor, fieldApplies, type FieldDef, type ListItemDef, type RegisterDef, type RegisterName } from './registers.ts';
import type { RegisterFields } from './records.ts';
import { PENALTY_KINDS } from './enums.ts';
import { deriveParties } from './parties.ts';
import { creditCodeProblem } from './credit-code.ts';
import { isValidDate } from './calendar-date.ts';

export interface FieldIssue {
  /** field key, e.g. closedOn */
  field: string;
  message: string;
}

export type Validated<R extends RegisterName> = { ok: true; value: RegisterFields[R] } | { ok: false; issues: FieldIssue[] };

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A field's issue (a plain function: no closure made for each field of each record, an import checks millions). */
function failField(issues: FieldIssue[], f: FieldDef, message: string): null {
  issues.push({ field: f.key, message });
  return null;
}

function checkField(f: FieldDef, raw: unknown, issues: FieldIssue[]): unknown {
  if (isBlank(raw) || ((f.type === 'tags' || f.type === 'list') && Array.isArray(raw) && raw.length === 0)) {
    if (f.required) return failField(issues, f, `「${f.label}」不能为空`);
    if (f.type === 'list') return [];
    if (f.type === 'int') return f.defaultValue ?? null;
    if (f.type === 'bool') return false;
    if (f.type === 'tags') return [];
    return null;
  }
  switch (f.type) {
    case 'text':
    case 'longtext': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return failField(issues, f, `「${f.label}」应为文字`);
      const s = String(raw).trim();
      if (f.max && s.length > f.max) return failField(issues, f, `「${f.label}」不能超过${f.max}个字（现有${s.length}个字）`);
      return s;
    }
    case 'date': {
      if (typeof raw !== 'string' || !isValidDate(raw.trim())) {
        return failField(issues, f, `「${f.label}」不是有效日期：“${String(raw).slice(0, 20)}”（应为 2024-03-15 这样的日期）`);
      }
      return raw.trim();
    }
    case 'int': {
      const min = f.min ?? 0;
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > 1e9) {
        return failField(issues, f, `「${f.label}」应为不小于${min}的整数，现为“${String(raw).slice(0, 20)}”`);
      }
      return raw;
    }
    case 'money': {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > 1e12) {
        return failField(issues, f, `「${f.label}」应为不小于0的金额，现为“${String(raw).slice(0, 20)}”`);
      }
      return Math.round(raw * 100) / 100;
    }
    case 'bool': {
      if (typeof raw !== 'boolean') return failField(issues, f, `「${f.label}」应为“是”或“否”`);
      return raw;
    }
    case 'enum': {
      const options = f.options ?? {};
      if (typeof raw !== 'string' || !Object.hasOwn(options, raw)) {
        return failField(issues, f, `「${f.label}」的取值“${String(raw).slice(0, 30)}”无效，应为：${Object.values(options).join('、')}`);
      }
      return raw;
    }
    case 'tags': {
      if (!Array.isArray(raw) || raw.some((t) => typeof t !== 'string')) return failField(issues, f, `「${f.label}」应为文字列表`);
      const tags = [...new Set(raw.map((t: string) => t.trim()).filter(Boolean))];
      if (tags.some((t) => t.length > 100)) return failField(issues, f, `「${f.label}」中每一项不能超过100个字`);
      if (!f.options) return tags;
      // a choice list (并处种类): each item one of the codes, its Chinese label stored as the code
      const options = f.options;
      const codes: string[] = [];
      for (const t of tags) {
        const code = Object.hasOwn(options, t) ? t : Object.keys(options).find((k) => options[k] === t);
        if (!code) return failField(issues, f, `「${f.label}」中的“${t.slice(0, 30)}”无效，应为：${Object.values(options).join('、')}`);
        if (!codes.includes(code)) codes.push(code);
      }
      return codes;
    }
    case 'list':
      return checkList(f, raw, issues);
  }
}

/** A list field (当事人, 回访): an array of objects, each entry checked column by column. */
function checkList(f: FieldDef, raw: unknown, issues: FieldIssue[]): unknown {
  if (!Array.isArray(raw)) return failField(issues, f, `「${f.label}」应为列表`);
  if (raw.length > 50) return failField(issues, f, `「${f.label}」最多50项（现有${raw.length}项）`);
  const out: Record<string, unknown>[] = [];
  for (const [i, entry] of raw.entries()) {
    const where = `「${f.label}」第${i + 1}项`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return failField(issues, f, `${where}应为对象`);
    const e = entry as Record<string, unknown>;
    // an entry left empty in the form (at most a choice such as 申请人 made) is dropped, not refused
    if ((f.items ?? []).every((it) => it.type === 'enum' || isBlank(e[it.key]))) continue;
    const item: Record<string, unknown> = {};
    for (const it of f.items ?? []) {
      const msg = checkItem(it, e[it.key]);
      if (typeof msg === 'object' && msg !== null && 'error' in msg) return failField(issues, f, `${where}的「${it.label}」${msg.error}`);
      if (msg !== null) item[it.key] = msg;
    }
    // a birth date typed beside a 身份证号 must be the one the number holds
    if (typeof item.idNumber === 'string' && typeof item.birthDate === 'string') {
      const s = item.idNumber;
      if (item.birthDate !== `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`)
        return failField(issues, f, `${where}的「出生日期」与「身份证号」中的出生日期不一致，请核对`);
    }
    out.push(item);
  }
  return out;
}

function checkItem(it: ListItemDef, v: unknown): unknown {
  if (isBlank(v)) return it.required ? { error: '不能为空' } : null;
  switch (it.type) {
    case 'text': {
      if (typeof v !== 'string' && typeof v !== 'number') return { error: '应为文字' };
      if (it.format === 'idNumber') return checkIdNumber(String(v));
      if (it.format === 'phone') return checkPhone(String(v));
      const s = String(v).trim();
      if (it.max && s.length > it.max) return { error: `不能超过${it.max}个字（现有${s.length}个字）` };
      return s;
    }
    case 'date':
      if (typeof v !== 'string' || !isValidDate(v.trim(), it.minYear ?? 2000))
        return { error: `不是有效日期：“${String(v).slice(0, 20)}”（应为 2024-03-15 这样的日期）` };
      return v.trim();
    case 'enum': {
      const options = it.options ?? {};
      if (typeof v !== 'string' || !Object.hasOwn(options, v)) {
        // a Chinese label (男, 申请人) typed or imported is stored as its code
        const code = Object.keys(options).find((k) => options[k] === v);
        if (code) return code;
        return { error: `取值“${String(v).slice(0, 20)}”无效，应为：${Object.values(options).join('、')}` };
      }
      return v;
    }
  }
}

/** Full-width digits and letters (１２３Ｘ) as half-width. */
const halfWidthDigits = (s: string) => s.replace(/[\uff10-\uff19\uff38\uff58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of the first 17 digits of a 身份证号 (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

/** A local date YYYY-MM-DD of today (the validation runs in the page and in the core alike). */
const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * A 身份证号: 18 characters (spaces and dashes typed between them dropped, x as X), 17 digits
 * and a digit or X, a real birth date not in the future, the GB 11643 check character.
 * Returns the number as stored, or the reason (said without repeating the number).
 */
export function checkIdNumber(raw: string): string | { error: string } {
  const s = halfWidthDigits(raw.trim()).replace(/[\s-]/g, '').toUpperCase();
  if (/[^\dX]/.test(s)) return { error: '只能由数字和末位的X组成' };
  if (s.length === 15) return { error: '是15位的旧号码，请填写现行的18位身份证号' };
  if (s.length !== 18) return { error: `应为18位（现有${s.length}位）` };
  if (!/^\d{17}[\dX]$/.test(s)) return { error: '只有最后一位可以是X' };
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isValidDate(birth, 1900)) return { error: `中的出生日期“${birth}”不是有效日期，请核对` };
  if (birth > todayIso()) return { error: `中的出生日期“${birth}”晚于今天，请核对` };
  if (idCheckChar(s) !== s[17]) return { error: '校验位不对（按GB 11643计算），可能有一位填错了，请核对' };
  return s;
}

/**
 * A phone number: a mobile (11 digits from 13–19, +86 allowed), a landline with its area
 * code (0571-88888888, (0571)8888 8888) or a local 7–8 digit number, an extension after 转.
 * Kept as typed (trimmed).
 */
export function checkPhone(raw: string): string | { error: string } {
  const typed = raw.trim();
  if (typed.length > 30) return { error: `不能超过30个字（现有${typed.length}个字）` };
  const s = halfWidthDigits(typed).replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));
  const [main, ext] = s.split(/\s*(?:转|分机)\s*/);
  if (ext !== undefined && !/^\d{1,6}$/.test(ext)) return { error: '的分机号应为1至6位数字' };
  if (/[^\d\s\-+()]/.test(main)) return { error: '只能由数字组成（可带区号、+86、空格或短横线）' };
  let d = main.replace(/[\s\-()]/g, '');
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  if (d.includes('+')) return { error: '只能由数字组成（可带区号、+86、空格或短横线）' };
  if (/^1\d*$/.test(d)) return /^1[3-9]\d{9}$/.test(d) ? typed : { error: `不是有效的手机号码（手机号码为1开头的11位，现有${d.length}位）` };
  if (/^0\d{9,11}$/.test(d) || /^[2-9]\d{6,7}$/.test(d)) return typed;
  return { error: '不是有效的电话号码（手机号码11位；固定电话带区号，如0571-88888888）' };
}

type Rule<R extends RegisterName> = (r: RegisterFields[R]) => FieldIssue | null;

/** Rules across fields, per register, on a record whose every field is valid. */
const RULES: { [R in RegisterName]: Rule<R>[] } = {
  activities: [],
  mediationCases: [
    (r) => (r.closedOn && r.closedOn < r.acceptedOn ? { field: 'closedOn', message: '结案日期不能早于受理日期' } : null),
    (r) => (r.followUpOn && r.followUpOn < r.acceptedOn ? { field: 'followUpOn', message: '回访日期不能早于受理日期' } : null),
    (r) => (r.status === 'in_progress' && r.closedOn ? { field: 'status', message: '已填写结案日期的案件，调解状态不能是“调解中”' } : null),
    (r) =>
      (r.status === 'success' || r.status === 'failed') && !r.closedOn
        ? { field: 'closedOn', message: `调解状态为“${r.status === 'success' ? '调解成功' : '调解不成功'}”的案件必须填写结案日期` }
        : null,
    (r) => {
      const early = r.followUps.find((x) => x.date < r.acceptedOn);
      return early ? { field: 'followUps', message: `回访日期 ${early.date} 不能早于受理日期` } : null;
    },
  ],
  inspections: [
    (r) => (r.issuesRectified > r.issuesFound ? { field: 'issuesRectified', message: '已整改数不能大于发现问题数' } : null),
    (r) =>
      r.penaltyKind && r.penaltyAlsoKinds.includes(r.penaltyKind)
        ? {
            field: 'penaltyAlsoKinds',
            message: `并处种类不能包含处罚种类本身（“${PENALTY_KINDS[r.penaltyKind as keyof typeof PENALTY_KINDS] ?? r.penaltyKind}”）`,
          }
        : null,
    (r) => (r.penaltyAlsoKinds.length && !r.penaltyKind ? { field: 'penaltyKind', message: '填写了并处种类的处罚，须先选择处罚种类（主罚）' } : null),
    (r) =>
      r.penaltyDecidedOn && r.penaltyDecidedOn < r.date
        ? { field: 'penaltyDecidedOn', message: `处罚决定日期 ${r.penaltyDecidedOn} 不能早于检查日期 ${r.date}` }
        : null,
    // 涉企行政检查 (issue 21)
    (r) => {
      const problem = r.creditCode ? creditCodeProblem(r.creditCode) : null;
      return problem ? { field: 'creditCode', message: problem } : null;
    },
    (r) => {
      if (!r.taskSource) return null;
      const forSpecial = r.taskSource === 'superior' || r.taskSource === 'own';
      if (r.inspectionType === 'special' && !forSpecial) return { field: 'taskSource', message: '专项检查的任务来源应为“上级部署”或“本级部署”' };
      if (r.inspectionType === 'case' && forSpecial)
        return { field: 'taskSource', message: '个案检查的任务来源应为投诉举报、转办交办、数据监测发现、企业申请或其他' };
      return null;
    },
    (r) => (r.notifiedOn && r.notifiedOn < r.date ? { field: 'notifiedOn', message: '结果告知日期不能早于检查日期' } : null),
  ],
  workItems: [(r) => (r.passed > r.participants ? { field: 'passed', message: '考试合格人数不能大于参加人次' } : null)],
  disclosureRequests: [
    (r) => (r.resultOn && r.resultOn < r.receivedOn ? { field: 'resultOn', message: '答复日期不能早于收到申请日期' } : null),
    (r) => (r.result && !r.resultOn ? { field: 'resultOn', message: '已选择办理结果的申请，须填写答复日期' } : null),
    (r) => (r.resultOn && !r.result ? { field: 'result', message: '填写了答复日期的申请，须选择办理结果（尚未答复的请清空答复日期）' } : null),
  ],
  screenings: [],
};

/** The fields a register's records need more than the field's own check for, found once per register, not per record. */
const fieldLists = new WeakMap<RegisterDef, { after: FieldDef[]; whenShown: FieldDef[] }>();
function fieldsOf(def: RegisterDef): { after: FieldDef[]; whenShown: FieldDef[] } {
  let lists = fieldLists.get(def);
  if (!lists) {
    lists = {
      // a choice stored as its code, a penalty detail cleared outside a penalty
      after: def.fields.filter((f) => f.choicesBy || f.onlyWhen?.clearOtherwise),
      // required whenever the field belongs to the record
      whenShown: def.fields.filter((f) => f.requiredWhenShown && f.onlyWhen),
    };
    fieldLists.set(def, lists);
  }
  return lists;
}

/** Checks and normalises one record's fields (unknown keys are dropped). */
export function validateRecord<R extends RegisterName>(def: RegisterDef & { name: R }, input: unknown): Validated<R> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ field: '', message: `${def.label}记录应为对象` }] };
  }
  const raw = input as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const f of def.fields) out[f.key] = checkField(f, raw[f.key], issues);
  const { after, whenShown } = fieldsOf(def);
  for (const f of after) {
    if (f.choicesBy && typeof out[f.key] === 'string') {
      // “合同”, “调解员” … typed or imported as Chinese are stored as the codes the statistics count
      const choices = choicesFor(f, out);
      const code = Object.keys(choices).find((c) => choices[c] === out[f.key] || c === out[f.key]);
      if (code) out[f.key] = code;
    }
    // penalty details only belong to a penalty: keep no stale values behind
    if (f.onlyWhen?.clearOtherwise && !fieldApplies(f, out)) out[f.key] = checkField(f, null, []);
  }
  if (def.name === 'mediationCases') {
    // 当事人 and 当事人人数 follow the party list when it is kept (the list is the truth)
    const derived = deriveParties(out);
    out.parties = derived.parties;
    out.partyCount = derived.partyCount;
  }
  if (def.name === 'mediationCases' && Array.isArray(out.followUps) && out.followUps.length) {
    // 回访日期 is the latest 回访 entry's date when the entries are kept
    out.followUpOn =
      (out.followUps as { date: string }[])
        .map((x) => x.date)
        .sort()
        .at(-1) ?? out.followUpOn;
  }
  // 统一社会信用代码 is written in capitals (a clerk may type 91350100m000100y43)
  if (def.name === 'inspections' && typeof out.creditCode === 'string') out.creditCode = out.creditCode.toUpperCase();
  for (const f of whenShown) {
    // 处罚种类: required whenever the field belongs to the record (处理结果为“行政处罚”) — said together
    // with the other fields' problems, so the clerk sees every red field at the first 保存
    if (
      !f.requiredWhenShown ||
      !f.onlyWhen ||
      issues.some((i) => i.field === f.onlyWhen!.field) ||
      !fieldApplies(f, out) ||
      (out[f.key] !== null && out[f.key] !== '')
    )
      continue;
    const cond = def.fields.find((c) => c.key === f.onlyWhen!.field);
    const value = String(out[f.onlyWhen.field]);
    issues.push({ field: f.key, message: `${cond?.label ?? f.onlyWhen.field}为“${cond?.options?.[value] ?? value}”时，必须填写${f.label}` });
  }
  // a field refused above leaves the record unfit for the rules across fields
  if (issues.length) return { ok: false, issues };
  // every field of the definition was checked and normalised above, key by key: `out` is the
  // record FieldsOf<def> describes (the one place where run-time checks meet the static type)
  const value = out as RegisterFields[R];
  const rules: Rule<R>[] = RULES[def.name];
  for (const rule of rules) {
    const issue = rule(value);
    if (issue) issues.push(issue);
  }
  return issues.length ? { ok: false, issues } : { ok: true, value };
}

/** The first `max` characters (whole characters, never half of one) and “…” when there were more. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** “普法宣传活动（2023-03-05 宪法宣传周活动）” — names a record in a message without personal data. */
export function describeRecord(def: RegisterDef, raw: Record<string, unknown>, index?: number): string {
  const parts: string[] = [];
  if (index !== undefined) parts.push(`第${index + 1}条`);
  const date = raw[def.dateKey];
  const title = raw[def.titleKey];
  const bits = [typeof date === 'string' ? date : '', typeof title === 'string' ? clip(title, 30) : ''].filter(Boolean).join(' ');
  if (bits) parts.push(bits);
  return `${def.label}${parts.length ? `（${parts.join('，')}）` : ''}`;
}
