// The status tag of a part of the 年度报告 as the clerk edits it: 草稿 (generated, not yet
// edited), 已填写 (the clerk's own text) — or 必须核对 when the 审稿 found a number in that
// text that contradicts the ledger (a stale 办结1件 after the ledger says 2): a text that
// is wrong is not "filled".
import type { ReportSection, ReviewItem } from '@shared/contract/report.ts';

export type SectionState = 'draft' | 'filled' | 'mustCheck' | null;

/** The sections (measure-<key> and the narrative keys) the 审稿 marks 必须核对. */
export function mustCheckSections(review: readonly ReviewItem[]): Set<string> {
  const out = new Set<string>();
  for (const r of review) if (r.mustCheck && r.link?.page === 'report') out.add(r.link.section);
  return out;
}

export function sectionState(s: Pick<ReportSection, 'narrativeKey' | 'draft' | 'narrative'>, mustCheck: ReadonlySet<string>): SectionState {
  if (!s.narrativeKey) return null;
  if (mustCheck.has(s.narrativeKey)) return 'mustCheck';
  return s.draft ? 'draft' : s.narrative ? 'filled' : null;
}
