// The parties list is the truth: when a case keeps its parties one by one, its
// 当事人 and 当事人人数 follow from the list — on every door (form, Excel, data
// package, restore, demo), since every one of them validates through here, and
// in the form before it is sent (no stale hidden value goes back).

/** The names of a parties list's entries, in order (entries without a name skipped). */
export function listedNames(partyList: unknown): string[] {
  if (!Array.isArray(partyList)) return [];
  return partyList
    .map((p) => (p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string' ? (p as { name: string }).name.trim() : ''))
    .filter(Boolean);
}

/**
 * 当事人 and 当事人人数 derived from the parties list when it has named entries
 * (the record unchanged otherwise: an older case keeps its free-text 当事人).
 */
export function deriveParties<T extends Record<string, unknown>>(record: T): T {
  const names = listedNames(record.partyList);
  if (!names.length) return record;
  // 当事人 is at most 500 characters: the names that fit, whole
  let parties = '';
  for (const n of names) {
    const next = parties ? `${parties}、${n}` : n;
    if (next.length > 500) break;
    parties = next;
  }
  return { ...record, parties, partyCount: names.length };
}
