// 首页 and `cli reminders`: the 年度检查计划 due by 3月31日, enterprises inspected beyond their cap and
// the inspections that break a rule — named by date and 检查对象 only.
import { daysBetween } from '../../shared/case-file.ts';
import type { Reminder } from '../../shared/contract/cases.ts';
import { registerPath } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { getItems, getPlan } from './store.ts';
import { visitReminderFigures } from './visit-reminders.ts';

/** the plan reminder shows from this many days before 3月31日 */
const PLAN_WINDOW_DAYS = 30;

export function enterpriseReminders(db: Db, today: string): Reminder[] {
  const year = Number(today.slice(0, 4));
  const out: Reminder[] = [];
  const link = { path: registerPath('inspections'), query: { year: String(year), view: 'enterprise' } };
  const due = `${year}-03-31`;
  const left = daysBetween(today, due);
  // only for a township that keeps its 涉企行政检查 here (a 检查事项清单, or last year's plan):
  // a ledger without them is not told every day of the year that a plan is overdue
  const keepsPlans = getItems(db).length > 0 || getPlan(db, year - 1).length > 0;
  if (keepsPlans && getPlan(db, year).length === 0 && left <= PLAN_WINDOW_DAYS) {
    out.push({
      kind: 'inspection',
      level: left < 0 ? 'overdue' : 'soon',
      due,
      daysLeft: left,
      title: `3月31日前：制定并报送${year}年度涉企行政检查计划`,
      detail: left < 0 ? `已逾期${-left}天，尚未填写${year}年检查计划` : left === 0 ? '今天截止' : `还有${left}天`,
      link,
    });
  }
  // set-based (visit-reminders.ts): at 100 000 inspections a year 首页 reads no record but those it names
  const v = visitReminderFigures(db, year, today);
  for (const e of v.over) {
    out.push({
      kind: 'inspection',
      level: 'overdue',
      due: today,
      daysLeft: 0,
      title: `“${e.name}”今年已被检查${e.count}次，超过每年${e.cap}次上限`,
      detail: '日常、个案和本级专项检查合计；请核实，今后的检查尽量合并或联合进行',
      link,
    });
  }
  if (v.problemCount) {
    out.push({
      kind: 'inspection',
      level: 'overdue',
      due: today,
      daysLeft: 0,
      title: `${year}年有${v.problemRecords}次涉企行政检查不符合规范（${v.problemCount}处）`,
      detail: (v.firstProblem ?? '') + (v.problemCount > 1 ? ' 等' : ''),
      link,
    });
  }
  return out;
}
