// What needs doing soon: cases 调解中 for more than 30 days, 回访 due after a
// successful case, 依申请公开 replies due within 5 working days or late, and the year's
// statutory dates within 30 days. Names cases by 案号 and dates only, requests by the
// date received (no party or applicant names): the list is shown on 首页 and in the CLI.
import { addDays, CLOSE_WITHIN_DAYS, daysBetween, FOLLOW_UP_WITHIN_DAYS } from '../../shared/case-file.ts';
import type { Reminder, Reminders } from '../../shared/contract/cases.ts';
import { DISPUTE_TYPES, labelOf } from '../../shared/enums.ts';
import { registerPath } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { addWorkingDays, isWorkingDay, REPLY_DAYS, REPLY_DAYS_EXTENDED, workingDaysBetween } from '../../shared/workdays.ts';

/** a 依申请公开 reply is reminded this many working days before its 20th working day */
export const DISCLOSURE_WARN_WORKING_DAYS = 5;

/**
 * The latest day a request may have been received on and be reminded today: its reply has
 * used at least REPLY_DAYS − DISCLOSURE_WARN_WORKING_DAYS working days by `today`. The working
 * days after a day only grow as the day moves back, so every request received on or before
 * it is due soon or late, and none after it is.
 */
export function disclosureWarnCutoff(today: string): string {
  let used = 0;
  for (let day = today; ; day = addDays(day, -1)) {
    if (isWorkingDay(day)) used++;
    // received the day before `day`: the working days after it, up to today, are `used`
    if (used >= REPLY_DAYS - DISCLOSURE_WARN_WORKING_DAYS) return addDays(day, -1);
  }
}

// open: no reply yet (written as the partial index disclosure_requests_open says it, so SQLite uses it)
const OPEN_REQUEST = `deleted_at IS NULL AND (result IS NULL OR result = '' OR result_on IS NULL)`;

/**
 * Open 依申请公开 requests (received this year or last) whose reply is due within 5 working days, or past its 20 working days.
 * Set-based: the requests due are those received by disclosureWarnCutoff(today), counted in the index of
 * open requests; only the first LIST_LIMIT are read and worded.
 */
export function disclosureReminders(db: Db, today: string): { items: Reminder[]; count: number } {
  const range = [`${Number(today.slice(0, 4)) - 1}-01-01`, disclosureWarnCutoff(today)];
  const rows = prepared(
    db,
    `SELECT id, received_on AS receivedOn FROM disclosure_requests INDEXED BY disclosure_requests_open
    WHERE ${OPEN_REQUEST} AND received_on >= ? AND received_on <= ?
    ORDER BY received_on, id LIMIT ${LIST_LIMIT}`,
  ).all(...range) as { id: string; receivedOn: string }[];
  const count =
    rows.length < LIST_LIMIT
      ? rows.length
      : (
          prepared(
            db,
            `SELECT COUNT(*) AS n FROM disclosure_requests INDEXED BY disclosure_requests_open
    WHERE ${OPEN_REQUEST} AND received_on >= ? AND received_on <= ?`,
          ).get(...range) as { n: number }
        ).n;
  // many requests share a day: its working days are counted once
  const byDay = new Map<string, { used: number; due: string; extended: string }>();
  const items: Reminder[] = [];
  for (const r of rows) {
    let d = byDay.get(r.receivedOn);
    if (!d) {
      d = {
        used: workingDaysBetween(r.receivedOn, today),
        due: addWorkingDays(r.receivedOn, REPLY_DAYS),
        extended: addWorkingDays(r.receivedOn, REPLY_DAYS_EXTENDED),
      };
      byDay.set(r.receivedOn, d);
    }
    const left = REPLY_DAYS - d.used;
    const due = d.due;
    const detail =
      left > 0
        ? `应在${due}前答复（还有${left}个工作日，《政府信息公开条例》第三十三条）`
        : left === 0
          ? `今天（${due}）是答复期限的最后一个工作日`
          : `已超过20个工作日答复期限${-left}个工作日（${due}到期）：延长须经负责人同意并告知申请人，最长延至${d.extended}`;
    items.push({
      kind: 'disclosure_due',
      level: left < 0 ? 'overdue' : 'soon',
      due,
      daysLeft: daysBetween(today, due),
      title: `${r.receivedOn}收到的政府信息公开申请${left < 0 ? '逾期未答复' : '待答复'}`,
      detail,
      link: { path: registerPath('disclosureRequests'), query: { open: r.id, year: r.receivedOn.slice(0, 4) } },
    });
  }
  return { items, count };
}

/** The statutory dates of the year (shared/spec: annual-report.md, openness-annual-report.md). */
export const STATUTORY_DATES: { month: number; day: number; title: (reportYear: number) => string; path: string }[] = [
  // opens the 行政执法数据 page (issue 20); its checks link on to the 政务公开年报
  { month: 1, day: 31, title: (y) => `公开${y}年度行政执法数据和政府信息公开工作年度报告`, path: '/enforcement-data' },
  { month: 3, day: 1, title: (y) => `报送${y}年法治政府建设情况报告（县委、县政府，抄送依法治县办）`, path: '/report' },
  { month: 4, day: 1, title: (y) => `在政府网站公开${y}年法治政府建设情况报告`, path: '/report' },
];
export const DEADLINE_WINDOW_DAYS = 30;
/** 回访 reminders look back this far: older successes without a 回访 are in 卷宗体检, not on 首页 */
const FOLLOW_UP_LOOKBACK_DAYS = 180;

/** at most this many cases of a kind are listed (the count says how many in all) */
const LIST_LIMIT = 100;

const pad = (n: number) => String(n).padStart(2, '0');

export function statutoryReminders(today: string): Reminder[] {
  const out: Reminder[] = [];
  const y = Number(today.slice(0, 4));
  for (const year of [y, y + 1]) {
    for (const d of STATUTORY_DATES) {
      const due = `${year}-${pad(d.month)}-${pad(d.day)}`;
      const left = daysBetween(today, due);
      // (a date that is no calendar date never gets here: the contract refuses it; NaN would read 「还有NaN天」)
      if (!Number.isFinite(left) || left < 0 || left > DEADLINE_WINDOW_DAYS) continue;
      out.push({
        kind: 'deadline',
        level: 'soon',
        due,
        daysLeft: left,
        title: `${d.month}月${d.day}日前：${d.title(year - 1)}`,
        detail: left === 0 ? '今天截止' : `还有${left}天`,
        link: { path: d.path, query: { year: String(year - 1) } },
      });
    }
  }
  return out;
}

interface CaseRow {
  id: string;
  caseNo: string | null;
  acceptedOn: string;
  closedOn: string | null;
  type: string;
}

const caseName = (r: CaseRow) => r.caseNo || `${r.acceptedOn}受理的${labelOf(DISPUTE_TYPES, r.type)}纠纷`;

/** 调解统计 is reported monthly: from this day of a month to its end, 首页 offers last month's figures. */
export const MONTHLY_STATS_FROM_DAY = 5;

/**
 * From the 5th to the month's end: last month's 人民调解 statistics are ready to export (the 司法所's
 * monthly report to the county 司法局), with last month's counts, linking to 调解统计 for that month.
 */
export function monthlyStatsReminder(db: Db, today: string): Reminder | null {
  const [y, m, d] = today.split('-').map(Number);
  if (d < MONTHLY_STATS_FROM_DAY) return null;
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const from = `${year}-${pad(month)}-01`;
  const to = `${y}-${pad(m)}-01`;
  const cases = (
    prepared(db, `SELECT COUNT(*) AS n FROM mediation_cases WHERE deleted_at IS NULL AND accepted_on >= ? AND accepted_on < ?`).get(from, to) as { n: number }
  ).n;
  const screenings = (prepared(db, `SELECT COUNT(*) AS n FROM screenings WHERE deleted_at IS NULL AND date >= ? AND date < ?`).get(from, to) as { n: number })
    .n;
  const monthEnd = addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, -1);
  return {
    kind: 'monthly_stats',
    level: 'soon',
    due: monthEnd,
    daysLeft: daysBetween(today, monthEnd),
    title: `${year}年${month}月人民调解统计可以导出了`,
    detail: `上月受理调解案件${cases}件、矛盾纠纷排查${screenings}次：在“调解统计”中核对后导出报表`,
    link: { path: '/mediation-stats', query: { year: String(year), month: String(month) } },
  };
}

export function computeReminders(db: Db, today: string): Reminders {
  const items: Reminder[] = [];
  const overdue = prepared(
    db,
    `SELECT id, case_no AS caseNo, accepted_on AS acceptedOn, closed_on AS closedOn, type
    FROM mediation_cases WHERE deleted_at IS NULL AND status = 'in_progress' AND accepted_on < ?
    ORDER BY accepted_on LIMIT ${LIST_LIMIT}`,
  ).all(addDays(today, -CLOSE_WITHIN_DAYS)) as CaseRow[];
  const overdueCount =
    overdue.length < LIST_LIMIT
      ? overdue.length
      : (
          prepared(
            db,
            `SELECT COUNT(*) AS n FROM mediation_cases
    WHERE deleted_at IS NULL AND status = 'in_progress' AND accepted_on < ?`,
          ).get(addDays(today, -CLOSE_WITHIN_DAYS)) as { n: number }
        ).n;
  for (const r of overdue) {
    const days = daysBetween(r.acceptedOn, today);
    items.push({
      kind: 'case_overdue',
      level: 'overdue',
      due: addDays(r.acceptedOn, CLOSE_WITHIN_DAYS),
      daysLeft: CLOSE_WITHIN_DAYS - days,
      title: `${caseName(r)}调解中已${days}天`,
      detail: `${r.acceptedOn}受理，超过一个月未调结：请结案，或在备注中写明原因`,
      link: { path: registerPath('mediationCases'), query: { open: r.id, year: r.acceptedOn.slice(0, 4) } },
    });
  }
  // follow_up_on is set whenever 回访 entries exist (validation), so it alone says “no 回访”. The partial index
  // mediation_cases_visit_due holds exactly these cases: named, as the app never runs ANALYZE and SQLite then
  // took the status index (60 000 成功 cases looked up one by one: 430 ms against 1 ms at 100 000)
  const visitWhere = `deleted_at IS NULL AND status = 'success' AND follow_up_on IS NULL AND closed_on >= ? AND closed_on <= ?`;
  const visitRange = [addDays(today, -FOLLOW_UP_LOOKBACK_DAYS), today];
  const noVisit = prepared(
    db,
    `SELECT id, case_no AS caseNo, accepted_on AS acceptedOn, closed_on AS closedOn, type
    FROM mediation_cases INDEXED BY mediation_cases_visit_due WHERE ${visitWhere} ORDER BY closed_on LIMIT ${LIST_LIMIT}`,
  ).all(...visitRange) as CaseRow[];
  const noVisitCount =
    noVisit.length < LIST_LIMIT
      ? noVisit.length
      : (prepared(db, `SELECT COUNT(*) AS n FROM mediation_cases INDEXED BY mediation_cases_visit_due WHERE ${visitWhere}`).get(...visitRange) as { n: number })
          .n;
  for (const r of noVisit) {
    const due = addDays(r.closedOn!, FOLLOW_UP_WITHIN_DAYS);
    const left = daysBetween(today, due);
    items.push({
      kind: 'follow_up_due',
      level: left < 0 ? 'overdue' : 'soon',
      due,
      daysLeft: left,
      title: `${caseName(r)}待回访`,
      detail: `${r.closedOn}调解成功，${left < 0 ? `回访已逾期${-left}天` : left === 0 ? '今天应回访' : `应在${due}前回访`}`,
      link: { path: registerPath('mediationCases'), query: { open: r.id, year: r.acceptedOn.slice(0, 4) } },
    });
  }
  const disclosure = disclosureReminders(db, today);
  items.push(...disclosure.items);
  items.push(...statutoryReminders(today));
  const monthly = monthlyStatsReminder(db, today);
  if (monthly) items.push(monthly);
  // the most pressing first: statutory dates, then by how late or how soon
  items.sort((a, b) => (a.kind === 'deadline' ? 0 : 1) - (b.kind === 'deadline' ? 0 : 1) || a.daysLeft - b.daysLeft);
  return {
    today,
    items,
    counts: {
      caseOverdue: overdueCount,
      followUpDue: noVisitCount,
      deadline: items.filter((i) => i.kind === 'deadline').length,
      disclosureDue: disclosure.count,
    },
  };
}
