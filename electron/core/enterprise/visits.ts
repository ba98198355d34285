// 涉企行政检查 counted as 国办发〔2024〕54号 counts them: per enterprise (统一社会信用代码, else its name)
// per year, 日常 + 个案 + 本级部署的专项 against the 检查事项清单's yearly cap; 上级部署的专项 are outside
// the cap and 巡查 never count. And the rules each inspection is held to (two certified officers,
// approved beforehand, result told within 7 days, an item and its basis), named by date and 检查对象.
import { addDays } from '../../shared/case-file.ts';
import { enterpriseKey, type InspectionItem, type Officer } from '../../shared/enterprise.ts';
import type { EnterpriseVisits, VisitCheck, VisitCheckInput } from '../../shared/contract/enterprise.ts';
import type { Inspection } from '../../shared/records.ts';
import { REGISTERS } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { allRecords } from '../registers/repository.ts';
import { getItems, getOfficers } from './store.ts';

/** the result is told to the enterprise within this many days of the inspection */
export const NOTIFY_WITHIN_DAYS = 7;
/** at least this many officers with a 执法证 inspect */
export const MIN_CERTIFIED = 2;

type InspectionLike = Pick<Inspection, 'date' | 'target' | 'targetType' | 'creditCode' | 'inspectionType' | 'taskSource' | 'itemCode'> & {
  mode?: string | null;
};

/** An inspection of an enterprise or 个体工商户 (the ones the 2025 rules are about). */
export function isEnterpriseInspection(r: Pick<Inspection, 'targetType' | 'creditCode' | 'inspectionType'>): boolean {
  if (r.creditCode) return true;
  if (r.targetType === 'enterprise' || r.targetType === 'individual') return true;
  return r.targetType === null && r.inspectionType !== null;
}

/** Whether the inspection counts against the enterprise's yearly cap. */
export function countsAgainstCap(r: InspectionLike): boolean {
  if (r.mode === 'patrol') return false; // 巡查 is not an inspection of the enterprise
  if (r.inspectionType === 'special' && r.taskSource === 'superior') return false; // 上级部署的专项: outside the cap
  return true;
}

/** The cap of an enterprise: the smallest yearly cap of the items it was inspected under (null: none set). */
function capOf(itemCodes: Iterable<string | null>, items: readonly InspectionItem[]): number | null {
  let cap: number | null = null;
  for (const code of itemCodes) {
    const it = code ? items.find((i) => i.code === code) : undefined;
    if (it?.yearlyCap != null && (cap === null || it.yearlyCap < cap)) cap = it.yearlyCap;
  }
  return cap;
}

const named = (r: Pick<Inspection, 'date' | 'target'>) => `${r.date} 检查“${r.target}”`;

/** The rules one inspection breaks, each a Chinese sentence naming it by date and 检查对象. */
export function inspectionProblems(r: Inspection, today: string, items: readonly InspectionItem[], officers: readonly Officer[]): string[] {
  const out: string[] = [];
  const who = named(r);
  // 执法证: the entry's own number, else the one the 设置 list keeps for that name
  const certified = r.inspectorList.filter((p) => (p.certNo ?? '').trim() || (officers.find((o) => o.name === p.name)?.certNo ?? '').trim());
  if (r.inspectorList.length === 0)
    out.push(`${who}：未逐一登记执法人员及执法证号${r.inspectors ? '（原登记为一段文字，请改为逐人登记）' : ''}，须至少两名持执法证人员`);
  else if (certified.length < MIN_CERTIFIED)
    out.push(`${who}：持执法证的执法人员不足两名（登记${r.inspectorList.length}人，持证${certified.length}人）；网格员、辅助人员只能协助，不能实施检查`);
  if (!r.approvedOn) out.push(`${who}：未登记审批人和审批日期（检查应事先报批）`);
  else if (r.approvedOn > r.date) out.push(`${who}：审批日期 ${r.approvedOn} 晚于检查日期（事后补批，须为紧急情况并在备注中说明）`);
  const due = addDays(r.date, NOTIFY_WITHIN_DAYS);
  if (r.notifiedOn && r.notifiedOn > due) out.push(`${who}：检查结果于 ${r.notifiedOn} 告知，超过检查后${NOTIFY_WITHIN_DAYS}日`);
  else if (!r.notifiedOn && today > due) out.push(`${who}：检查结果未在${NOTIFY_WITHIN_DAYS}日内告知企业（未登记结果告知日期）`);
  const item = r.itemCode ? items.find((i) => i.code === r.itemCode) : undefined;
  if (!r.itemCode) out.push(`${who}：未登记检查事项（应为检查事项清单中的一项）`);
  else if (items.length && !item) out.push(`${who}：检查事项“${r.itemCode}”不在检查事项清单中`);
  if (!r.basis && !item?.basis) out.push(`${who}：未登记检查依据`);
  return out;
}

function yearInspections(db: Db, year: number): Inspection[] {
  return allRecords<Inspection>(db, REGISTERS.inspections, { year }).filter(isEnterpriseInspection);
}

/** `cli enterprise-visits`, the 行政执法 page's view: the year's enterprises and the rules broken. */
export function enterpriseVisits(db: Db, year: number, today: string): EnterpriseVisits {
  const items = getItems(db);
  const officers = getOfficers(db);
  const rows = yearInspections(db, year).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const byKey = new Map<string, { creditCode: string | null; name: string; count: number; itemCodes: (string | null)[] }>();
  for (const r of rows) {
    if (!countsAgainstCap(r)) continue;
    const key = enterpriseKey(r.creditCode, r.target);
    const e = byKey.get(key) ?? { creditCode: r.creditCode, name: r.target, count: 0, itemCodes: [] };
    e.count++;
    e.name = r.target; // the latest name it was inspected under
    e.creditCode ??= r.creditCode;
    e.itemCodes.push(r.itemCode);
    byKey.set(key, e);
  }
  const enterprises = [...byKey.values()]
    .map((e) => {
      const cap = capOf(e.itemCodes, items);
      return { creditCode: e.creditCode, name: e.name, count: e.count, cap, over: cap !== null && e.count > cap };
    })
    .sort((a, b) => Number(b.over) - Number(a.over) || b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  const problems = rows.flatMap((r) => inspectionProblems(r, today, items, officers).map((message) => ({ id: r.id, message })));
  return { enterprises, problems };
}

/** The form's warning before saving: this inspection would be the enterprise's n-th of the year, over its cap. */
export function visitCheck(db: Db, input: VisitCheckInput): VisitCheck {
  const me: InspectionLike = {
    date: input.date,
    target: input.target,
    targetType: (input.targetType ?? null) as Inspection['targetType'],
    creditCode: input.creditCode?.trim().toUpperCase() || null,
    inspectionType: (input.inspectionType ?? null) as Inspection['inspectionType'],
    taskSource: (input.taskSource ?? null) as Inspection['taskSource'],
    itemCode: input.itemCode || null,
    mode: input.mode ?? null,
  };
  const none = { counted: false, count: 0, cap: null, over: false, message: null };
  if (!input.target.trim() || !isEnterpriseInspection(me)) return none;
  if (!countsAgainstCap(me)) return { ...none, message: '上级部署的专项检查不计入对同一企业的年度检查次数' };
  const key = enterpriseKey(me.creditCode, me.target);
  const year = Number(input.date.slice(0, 4));
  const others = yearInspections(db, year).filter((r) => r.id !== input.id && countsAgainstCap(r) && enterpriseKey(r.creditCode, r.target) === key);
  const count = others.length + 1;
  const cap = capOf([...others.map((r) => r.itemCode), me.itemCode], getItems(db));
  const over = cap !== null && count > cap;
  return {
    counted: true,
    count,
    cap,
    over,
    message: over
      ? `这将是${year}年对“${me.target}”的第${count}次检查，超过检查事项清单规定的每年${cap}次上限（日常、个案和本级专项检查合计）。请确认确有必要，或改为联合检查。`
      : `这是${year}年对“${me.target}”的第${count}次检查${cap !== null ? `（每年上限${cap}次）` : ''}`,
  };
}

/** The year's 涉企行政检查 count (the report's clause): inspections of enterprises, 巡查 left out. */
export function enterpriseInspectionCount(db: Db, year: number): number {
  return yearInspections(db, year).filter((r) => (r as InspectionLike).mode !== 'patrol').length;
}
