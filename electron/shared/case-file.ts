// 卷宗体检: what a mediation case's file (卷宗) still lacks, by the rules a county
// review scores (完整卷宗, 一个月内调结, 按时回访). Pure: runs in the page (badge,
// checklist) and in core (reminders); core/cases/checks.ts has the same rules in SQL
// for the 「卷宗不完整」 filter, and a unit test keeps the two in step.
import type { MediationCaseFields } from './records.ts';

/** 一个月内调结: a case should be closed within 30 days of 受理 (else a note says why). */
export const CLOSE_WITHIN_DAYS = 30;
/** 回访 is due within 30 days of 结案 of a successful case. */
export const FOLLOW_UP_WITHIN_DAYS = 30;

export interface CheckItem {
  key: 'parties' | 'facts' | 'closedOn' | 'timely' | 'agreement' | 'followUp';
  label: string;
  ok: boolean;
  /** what to do when not ok */
  hint: string;
}

type CaseLike = Pick<
  MediationCaseFields,
  'acceptedOn' | 'closedOn' | 'status' | 'agreement' | 'partyList' | 'facts' | 'summary' | 'agreementTerms' | 'copies' | 'followUps' | 'followUpOn' | 'notes'
>;

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';

/** Whole days from a to b (YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function caseChecklist(c: CaseLike, today: string): CheckItem[] {
  const items: CheckItem[] = [];
  const closed = c.status === 'success' || c.status === 'failed';
  items.push({
    key: 'parties',
    label: '当事人信息（至少两方）',
    ok: (c.partyList ?? []).length >= 2,
    hint: '在“当事人信息”中逐一登记双方当事人（姓名、住址、联系电话等）',
  });
  items.push({
    key: 'facts',
    label: '纠纷事实及争议事项',
    ok: filled(c.facts) || filled(c.summary),
    hint: '填写纠纷事实及争议事项',
  });
  if (closed) {
    items.push({ key: 'closedOn', label: '结案日期', ok: filled(c.closedOn), hint: '已调结的案件应填写结案日期' });
  }
  const end = closed && filled(c.closedOn) ? c.closedOn! : c.status === 'in_progress' ? today : null;
  const days = end ? daysBetween(c.acceptedOn, end) : 0;
  const late = c.status === 'suspended' || days > CLOSE_WITHIN_DAYS;
  items.push({
    key: 'timely',
    label: c.status === 'suspended' ? '中止原因' : '一个月内调结',
    ok: !late || filled(c.notes),
    hint:
      c.status === 'suspended'
        ? '在“备注”中写明中止的原因'
        : c.status === 'in_progress'
          ? `受理已${days}天仍在调解中：尽快结案，或在“备注”中写明未能一个月内调结的原因`
          : `受理${days}天后才结案：在“备注”中写明未能一个月内调结的原因`,
  });
  if (c.status === 'success' && c.agreement === 'written') {
    items.push({
      key: 'agreement',
      label: '调解协议书',
      ok: filled(c.agreementTerms) && (c.copies ?? 0) >= 1,
      hint: '书面协议：填写“协议内容”和“协议书份数”，生成并打印人民调解协议书',
    });
  }
  if (c.status === 'success') {
    items.push({
      key: 'followUp',
      label: '回访记录',
      ok: (c.followUps ?? []).length > 0 || filled(c.followUpOn),
      hint: '调解成功的案件应回访，登记回访日期、回访人、履行情况和当事人意见',
    });
  }
  return items;
}

/** The items still missing ([] when the file is complete). */
export function caseFileGaps(c: CaseLike, today: string): CheckItem[] {
  return caseChecklist(c, today).filter((i) => !i.ok);
}
