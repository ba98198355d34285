// Drafts of this township (spec: Structure; issue 17): with every clerk text removed,
// two townships' reports share no generated sentence of 20 characters or more.
import { describe, expect, it } from 'vitest';
import { MEASURE_KEYS, NARRATIVE_KEYS } from '../../../electron/shared/records.ts';
import { fixtureExpect, fixtureNames, fixturePackage, memoryCore, ok } from '../../helpers/core.ts';
import type { ReportModel } from '../../../electron/shared/contract/report.ts';

/** The report as plain text, one paragraph a line (as the golden files). */
const reportText = (m: ReportModel) =>
  [
    ...m.titleLines,
    ...m.opening.paragraphs.map((p) => (p.lead ?? '') + p.text),
    // the headings are the regulation's, the same in every report
    ...m.sections.flatMap((s) => s.paragraphs.map((p) => (p.lead ?? '') + p.text)),
    m.signature,
  ].join('\n');

async function withoutClerkText(name: string): Promise<string[]> {
  const core = memoryCore();
  ok(await core.call('exchange.import', { content: fixturePackage(name) }));
  const year = fixtureExpect(name).year as number;
  const none = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>;
  ok(await core.call('years.saveProfile', { year, narrative: none(NARRATIVE_KEYS), measures: none(MEASURE_KEYS), measureTitles: none(MEASURE_KEYS) }));
  const m = ok(await core.call('report.model', { year }));
  core.close();
  return reportText(m)
    .replace(/【草稿】/g, '')
    .split(/[。！？\n]/)
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => s.length >= 20);
}

describe('drafts of this township', () => {
  it('share no generated sentence of 20 characters or more between two townships', async () => {
    const names = fixtureNames();
    const sentences = await Promise.all(names.map(withoutClerkText));
    const shared: string[] = [];
    for (let a = 0; a < names.length; a++)
      for (let b = a + 1; b < names.length; b++) {
        const other = new Set(sentences[b]);
        for (const s of sentences[a]) if (other.has(s)) shared.push(`${names[a].slice(0, 3)}/${names[b].slice(0, 3)}: ${s}`);
      }
    expect(shared).toEqual([]);
    // and the drafts are there (flagged), not empty sections
    expect(sentences.every((s) => s.length > 5)).toBe(true);
  });
});
