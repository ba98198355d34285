// 涉企行政检查 (国办发〔2024〕54号, issue 21): the township's 执法人员 list, its 检查事项清单 and each
// year's 年度检查计划, with the checks every door (设置, data package, restore) applies to them.
import { INSPECTION_FIELDS, PLAN_MANNERS } from './enums.ts';

export type InspectionDocKind = 'approval' | 'record' | 'result';

/** the 检查文书 of one inspection (司法部 行政检查文书基本格式文本（试行）, 2025) */
export const INSPECTION_DOC_KINDS: Record<InspectionDocKind, string> = {
  approval: '行政检查审批表',
  record: '现场检查笔录',
  result: '检查结果告知书',
};

/** 执法人员 kept in 设置 to pick from: 姓名 and 执法证号 (none: 网格员、辅助人员, who may assist only). */
export interface Officer {
  name: string;
  certNo: string | null;
}

/** One item of the published 检查事项清单. */
export interface InspectionItem {
  code: string;
  name: string;
  /** 检查依据 (law and article) */
  basis: string | null;
  /** 执法领域 (INSPECTION_FIELDS) */
  field: keyof typeof INSPECTION_FIELDS | null;
  /** inspections of one enterprise per year, 日常+个案+本级专项 together; null: no cap set */
  yearlyCap: number | null;
}

/** One row of a year's 年度检查计划. */
export interface PlanRow {
  itemCode: string;
  /** 检查对象范围 */
  scope: string | null;
  /** months 1–12 */
  months: number[];
  planned: number | null;
  manner: keyof typeof PLAN_MANNERS | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function text(o: Obj, key: string, label: string, max: number, where: string, problems: string[], required = false): string | null {
  const v = o[key];
  if (blank(v)) {
    if (required) problems.push(`${where}的「${label}」不能为空`);
    return null;
  }
  if (typeof v !== 'string' && typeof v !== 'number') {
    problems.push(`${where}的「${label}」应为文字`);
    return null;
  }
  const s = String(v).trim();
  if (s.length > max) problems.push(`${where}的「${label}」不能超过${max}个字`);
  return s;
}

function count(o: Obj, key: string, label: string, where: string, problems: string[]): number | null {
  const v = o[key];
  if (blank(v)) return null;
  const n = typeof v === 'string' ? Number(v.trim()) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 10000) {
    problems.push(`${where}的「${label}」应为不小于0的整数，现为“${String(v).slice(0, 20)}”`);
    return null;
  }
  return n;
}

function code<M extends Record<string, string>>(o: Obj, key: string, label: string, map: M, where: string, problems: string[]): (keyof M & string) | null {
  const v = o[key];
  if (blank(v)) return null;
  const s = String(v).trim();
  if (Object.hasOwn(map, s)) return s;
  // the Chinese label (安全生产, 双随机) typed in a sheet is stored as its code
  const byLabel = Object.keys(map).find((k) => map[k] === s);
  if (byLabel) return byLabel;
  problems.push(`${where}的「${label}」取值“${s.slice(0, 20)}”无效，应为：${Object.values(map).join('、')}`);
  return null;
}

/** The officers list, checked: names unique, each entry an object. */
export function parseOfficers(raw: unknown): { value: Officer[]; problems: string[] } {
  const problems: string[] = [];
  const value: Officer[] = [];
  if (!Array.isArray(raw)) return { value, problems: ['执法人员名单应为列表'] };
  if (raw.length > 500) problems.push(`执法人员名单最多500人（现有${raw.length}人）`);
  raw.forEach((r, i) => {
    const where = `执法人员名单第${i + 1}人`;
    if (!isObj(r)) return problems.push(`${where}应为对象`);
    const name = text(r, 'name', '姓名', 50, where, problems, true);
    const certNo = text(r, 'certNo', '执法证号', 50, where, problems);
    if (name && value.some((o) => o.name === name)) problems.push(`${where}“${name}”重复`);
    if (name) value.push({ name, certNo });
  });
  return { value, problems };
}

/** The 检查事项清单, checked: codes unique. */
export function parseInspectionItems(raw: unknown): { value: InspectionItem[]; problems: string[] } {
  const problems: string[] = [];
  const value: InspectionItem[] = [];
  if (!Array.isArray(raw)) return { value, problems: ['检查事项清单应为列表'] };
  if (raw.length > 2000) problems.push(`检查事项清单最多2000项（现有${raw.length}项）`);
  raw.forEach((r, i) => {
    const where = `检查事项清单第${i + 1}项`;
    if (!isObj(r)) return problems.push(`${where}应为对象`);
    const c = text(r, 'code', '事项编码', 50, where, problems, true);
    const name = text(r, 'name', '事项名称', 200, where, problems, true);
    const item: InspectionItem = {
      code: c ?? '',
      name: name ?? '',
      basis: text(r, 'basis', '检查依据', 500, where, problems),
      field: code(r, 'field', '执法领域', INSPECTION_FIELDS, where, problems),
      yearlyCap: count(r, 'yearlyCap', '年度检查上限', where, problems),
    };
    if (c && value.some((o) => o.code === c)) problems.push(`${where}的事项编码“${c}”重复`);
    if (c && name) value.push(item);
  });
  return { value, problems };
}

/** A year's 年度检查计划, checked: months 1–12, items of the 清单 when one is given. */
export function parsePlan(raw: unknown, year: number, items?: readonly InspectionItem[]): { value: PlanRow[]; problems: string[] } {
  const problems: string[] = [];
  const value: PlanRow[] = [];
  if (!Array.isArray(raw)) return { value, problems: [`${year}年检查计划应为列表`] };
  if (raw.length > 500) problems.push(`${year}年检查计划最多500行`);
  raw.forEach((r, i) => {
    const where = `${year}年检查计划第${i + 1}行`;
    if (!isObj(r)) return problems.push(`${where}应为对象`);
    const itemCode = text(r, 'itemCode', '检查事项', 50, where, problems, true);
    if (itemCode && items && items.length && !items.some((it) => it.code === itemCode)) problems.push(`${where}的「检查事项」“${itemCode}”不在检查事项清单中`);
    let months: number[] = [];
    const m = r.months;
    if (!blank(m)) {
      const list = Array.isArray(m)
        ? m
        : String(m)
            .split(/[,，、\s]+/)
            .filter(Boolean);
      months = list.map((x) => Number(String(x).replace(/月$/, '')));
      if (months.some((x) => !Number.isInteger(x) || x < 1 || x > 12)) {
        problems.push(`${where}的「实施月份」应为1—12月`);
        months = [];
      }
      months = [...new Set(months)].sort((a, b) => a - b);
    }
    if (itemCode)
      value.push({
        itemCode,
        scope: text(r, 'scope', '检查对象范围', 200, where, problems),
        months,
        planned: count(r, 'planned', '计划次数', where, problems),
        manner: code(r, 'manner', '检查方式', PLAN_MANNERS, where, problems),
      });
  });
  return { value, problems };
}

/** 3, 9 → 3、9月 */
export const monthsText = (months: readonly number[]) => (months.length ? `${months.join('、')}月` : '');

/** An enterprise's key for counting visits: its 统一社会信用代码, else its name without spaces and with one kind of brackets. */
export function enterpriseKey(creditCode: string | null | undefined, name: string): string {
  if (creditCode && creditCode.trim()) return creditCode.trim().toUpperCase();
  return `name:${name
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase()}`;
}
