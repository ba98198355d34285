// Record validation shared by the API, the data package import, Excel import
// and the forms. Every message is Chinese and names the field by its label.
import { choicesFor, fieldApplies, type FieldDef, type ListItemDef, type RegisterDef, type RegisterName } from './registers.ts';
import type { RegisterFields } from './records.ts';

export interface FieldIssue {
  /** field key, e.g. closedOn */
  field: string;
  message: string;
}

export type Validated<R extends RegisterName> = { ok: true; value: RegisterFields[R] } | { ok: false; issues: FieldIssue[] };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, in 2000–2100 (a birth date: from 1900). */
export function isValidDate(s: string, minYear = 2000): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < minYear || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function checkField(f: FieldDef, raw: unknown, issues: FieldIssue[]): unknown {
  const fail = (message: string) => {
    issues.push({ field: f.key, message });
    return null;
  };
  if (isBlank(raw) || ((f.type === 'tags' || f.type === 'list') && Array.isArray(raw) && raw.length === 0)) {
    if (f.required) return fail(`「${f.label}」不能为空`);
    if (f.type === 'list') return [];
    if (f.type === 'int') return f.defaultValue ?? null;
    if (f.type === 'bool') return false;
    if (f.type === 'tags') return [];
    return null;
  }
  switch (f.type) {
    case 'text':
    case 'longtext': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return fail(`「${f.label}」应为文字`);
      const s = String(raw).trim();
      if (f.max && s.length > f.max) return fail(`「${f.label}」不能超过${f.max}个字（现有${s.length}个字）`);
      return s;
    }
    case 'date': {
      if (typeof raw !== 'string' || !isValidDate(raw.trim())) {
        return fail(`「${f.label}」不是有效日期：“${String(raw).slice(0, 20)}”（应为 2024-03-15 这样的日期）`);
      }
      return raw.trim();
    }
    case 'int': {
      const min = f.min ?? 0;
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > 1e9) {
        return fail(`「${f.label}」应为不小于${min}的整数，现为“${String(raw).slice(0, 20)}”`);
      }
      return raw;
    }
    case 'money': {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > 1e12) {
        return fail(`「${f.label}」应为不小于0的金额，现为“${String(raw).slice(0, 20)}”`);
      }
      return Math.round(raw * 100) / 100;
    }
    case 'bool': {
      if (typeof raw !== 'boolean') return fail(`「${f.label}」应为“是”或“否”`);
      return raw;
    }
    case 'enum': {
      const options = f.options ?? {};
      if (typeof raw !== 'string' || !Object.hasOwn(options, raw)) {
        return fail(`「${f.label}」的取值“${String(raw).slice(0, 30)}”无效，应为：${Object.values(options).join('、')}`);
      }
      return raw;
    }
    case 'tags': {
      if (!Array.isArray(raw) || raw.some((t) => typeof t !== 'string')) return fail(`「${f.label}」应为文字列表`);
      const tags = [...new Set(raw.map((t: string) => t.trim()).filter(Boolean))];
      if (tags.some((t) => t.length > 100)) return fail(`「${f.label}」中每一项不能超过100个字`);
      return tags;
    }
    case 'list':
      return checkList(f, raw, fail);
  }
}

/** A list field (当事人, 回访): an array of objects, each entry checked column by column. */
function checkList(f: FieldDef, raw: unknown, fail: (m: string) => null): unknown {
  if (!Array.isArray(raw)) return fail(`「${f.label}」应为列表`);
  if (raw.length > 50) return fail(`「${f.label}」最多50项（现有${raw.length}项）`);
  const out: Record<string, unknown>[] = [];
  for (const [i, entry] of raw.entries()) {
    const where = `「${f.label}」第${i + 1}项`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail(`${where}应为对象`);
    const e = entry as Record<string, unknown>;
    // an entry left empty in the form (at most a choice such as 申请人 made) is dropped, not refused
    if ((f.items ?? []).every((it) => it.type === 'enum' || isBlank(e[it.key]))) continue;
    const item: Record<string, unknown> = {};
    for (const it of f.items ?? []) {
      const msg = checkItem(it, e[it.key]);
      if (typeof msg === 'object' && msg !== null && 'error' in msg) return fail(`${where}的「${it.label}」${msg.error}`);
      if (msg !== null) item[it.key] = msg;
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
  inspections: [(r) => (r.issuesRectified > r.issuesFound ? { field: 'issuesRectified', message: '已整改数不能大于发现问题数' } : null)],
  workItems: [(r) => (r.passed > r.participants ? { field: 'passed', message: '考试合格人数不能大于参加人次' } : null)],
  disclosureRequests: [
    (r) => (r.resultOn && r.resultOn < r.receivedOn ? { field: 'resultOn', message: '答复日期不能早于收到申请日期' } : null),
    (r) => (r.result && !r.resultOn ? { field: 'resultOn', message: '已选择办理结果的申请，须填写答复日期' } : null),
    (r) => (r.resultOn && !r.result ? { field: 'result', message: '填写了答复日期的申请，须选择办理结果（尚未答复的请清空答复日期）' } : null),
  ],
  screenings: [],
};

/** Checks and normalises one record's fields (unknown keys are dropped). */
export function validateRecord<R extends RegisterName>(def: RegisterDef & { name: R }, input: unknown): Validated<R> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ field: '', message: `${def.label}记录应为对象` }] };
  }
  const raw = input as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const f of def.fields) out[f.key] = checkField(f, raw[f.key], issues);
  for (const f of def.fields) {
    if (f.choicesBy && typeof out[f.key] === 'string') {
      // “合同”, “调解员” … typed or imported as Chinese are stored as the codes the statistics count
      const choices = choicesFor(f, out);
      const code = Object.keys(choices).find((c) => choices[c] === out[f.key] || c === out[f.key]);
      if (code) out[f.key] = code;
    }
    // penalty details only belong to a penalty: keep no stale values behind
    if (f.onlyWhen?.clearOtherwise && !fieldApplies(f, out)) out[f.key] = checkField(f, null, []);
  }
  if (def.name === 'mediationCases' && Array.isArray(out.partyList) && out.partyList.length) {
    // 当事人 and 当事人人数 follow the party list when it is kept
    const names = (out.partyList as { name: string }[]).map((p) => p.name);
    if (!out.parties) out.parties = names.join('、').slice(0, 500);
    if (!out.partyCount) out.partyCount = names.length;
  }
  if (def.name === 'mediationCases' && Array.isArray(out.followUps) && out.followUps.length) {
    // 回访日期 is the latest 回访 entry's date when the entries are kept
    out.followUpOn =
      (out.followUps as { date: string }[])
        .map((x) => x.date)
        .sort()
        .at(-1) ?? out.followUpOn;
  }
  for (const f of def.fields) {
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
