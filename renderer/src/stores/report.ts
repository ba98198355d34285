// The 年度报告 page's state: the report model of the selected year, the clerk's
// texts autosaved into the year profile (debounced), and the Word export.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LedgerFix, ReportModel, ReportSection } from '@shared/contract/report.ts';
import type { MeasureKey, NarrativeKey } from '@shared/records.ts';
import { ApiCallError, call } from '@/api/client.ts';
import { FILE_KINDS, saveFile } from '@/api/platform.ts';
import { runAction } from '@/composables/useAction.ts';
import { useAutosave } from '@/composables/useAutosave.ts';

export type { SaveState } from '@/composables/useAutosave.ts';

/** a text of the year profile: narrative:<key>, measure:<area>, title:<area> */
type TextKey = `narrative:${NarrativeKey}` | `measure:${MeasureKey}` | `title:${MeasureKey}`;

/** The draft text of a section as the clerk would edit it: one paragraph a line. */
export function draftText(section: ReportSection): string {
  return section.paragraphs
    .filter((p) => p.source === 'draft')
    .map((p) => (p.lead ?? '') + p.text)
    .join('\n');
}

export const useReportStore = defineStore('report', () => {
  const year = ref<number | null>(null);
  const model = ref<ReportModel | null>(null);
  const appendix = ref(false);
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const exporting = ref(false);
  const saveError = ref<string | null>(null);
  /** texts being edited, by narrative key (what the textareas show) */
  const texts = ref<Partial<Record<NarrativeKey, string>>>({});
  /** the clerk's measure texts and titles, by area (what the 逐节编写 boxes show) */
  const measureTexts = ref<Partial<Record<MeasureKey, string>>>({});
  const measureTitles = ref<Partial<Record<MeasureKey, string>>>({});
  let loadSeq = 0;

  const autosave = useAutosave<TextKey>({
    save: async (sent) => {
      const part = (prefix: string) =>
        Object.fromEntries([...sent].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v?.trim() ? v : null]));
      const [narrative, measures, measureTitles] = [part('narrative:'), part('measure:'), part('title:')];
      saveError.value = null;
      const input = {
        year: year.value!,
        ...(Object.keys(narrative).length ? { narrative } : {}),
        ...(Object.keys(measures).length ? { measures } : {}),
        ...(Object.keys(measureTitles).length ? { measureTitles } : {}),
      };
      return !!(await runAction(() => call('years.saveProfile', input), { errorTo: saveError }));
    },
    after: () => refresh(),
  });
  const { saveState, savedAt } = autosave;

  const sections = computed<ReportSection[]>(() => (model.value ? [model.value.opening, ...model.value.sections] : []));
  const draftSections = computed(() => sections.value.filter((s) => s.draft));

  function syncTexts(m: ReportModel) {
    const next: Partial<Record<NarrativeKey, string>> = {};
    for (const s of [m.opening, ...m.sections]) {
      if (!s.narrativeKey) continue;
      // a key still waiting to be saved keeps what the clerk typed
      next[s.narrativeKey] = autosave.unsaved(`narrative:${s.narrativeKey}`) ?? s.narrative ?? (s.draft ? draftText(s) : '');
    }
    texts.value = next;
    const mt: Partial<Record<MeasureKey, string>> = {};
    const tt: Partial<Record<MeasureKey, string>> = {};
    for (const a of m.measureAreas) {
      mt[a.key] = autosave.unsaved(`measure:${a.key}`) ?? a.clerkText ?? '';
      tt[a.key] = autosave.unsaved(`title:${a.key}`) ?? a.clerkTitle ?? '';
    }
    measureTexts.value = mt;
    measureTitles.value = tt;
  }

  /** the clerk typed a measure area's text or title */
  function editMeasure(key: MeasureKey, part: 'text' | 'title', value: string) {
    if (part === 'text') {
      measureTexts.value = { ...measureTexts.value, [key]: value };
      autosave.edit(`measure:${key}`, value);
    } else {
      measureTitles.value = { ...measureTitles.value, [key]: value };
      autosave.edit(`title:${key}`, value);
    }
  }

  /** the clerk's order of the subsections of 一 (saved now) */
  async function setMeasureOrder(order: MeasureKey[]) {
    if (year.value == null) return;
    if (await runAction(() => call('years.saveProfile', { year: year.value!, measureOrder: order }))) await refresh();
  }

  /** 改为台账数字: the clerk's contradicting number rewritten with the ledger's, then re-read */
  async function useLedgerNumber(fix: LedgerFix) {
    if (year.value == null) return;
    if (!(await flush())) return;
    if (await runAction(() => call('report.useLedgerNumber', { year: year.value!, ...fix }))) await refresh();
  }

  /** saves the 成文日期 now (null clears it) */
  async function setReportDate(date: string | null) {
    if (year.value == null) return;
    await call('years.saveProfile', { year: year.value, reportDate: date });
    await refresh();
  }

  async function load(y: number) {
    const seq = ++loadSeq;
    if (year.value !== y) {
      await flush();
      model.value = null;
      autosave.reset();
    }
    year.value = y;
    loading.value = true;
    loadError.value = null;
    await readModel(seq);
    if (seq === loadSeq) loading.value = false;
  }

  /** reads the model; what it says wins only while no newer read was started */
  async function readModel(seq: number) {
    const failed = ref<string | null>(null);
    const m = await runAction(() => call('report.model', { year: year.value!, appendix: appendix.value }), { errorTo: failed });
    if (seq !== loadSeq) return;
    if (failed.value) loadError.value = failed.value;
    if (!m) return;
    model.value = m;
    syncTexts(m);
  }

  /** quietly re-reads the model (after a save): figures, drafts and warnings */
  async function refresh() {
    if (year.value == null) return;
    await readModel(++loadSeq);
  }

  /** the clerk typed: show it now, save it shortly */
  function edit(key: NarrativeKey, text: string) {
    texts.value = { ...texts.value, [key]: text };
    autosave.edit(`narrative:${key}`, text);
  }

  /** saves every pending text now */
  const flush = () => autosave.flush();

  /** takes the generated draft as the clerk's text */
  function acceptDraft(section: ReportSection) {
    if (!section.narrativeKey) return;
    edit(section.narrativeKey, texts.value[section.narrativeKey] ?? draftText(section));
    void flush();
  }

  async function setAppendix(on: boolean) {
    appendix.value = on;
    await refresh();
  }

  /** builds the .docx and saves it; resolves the file name, or null when cancelled */
  async function exportWord(): Promise<string | null> {
    if (year.value == null) return null;
    exporting.value = true;
    try {
      if (!(await flush())) throw new ApiCallError({ code: 'internal', message: `报告文字没有保存，未导出：${saveError.value ?? ''}` });
      const file = await call('report.export', { year: year.value, appendix: appendix.value });
      const saved = await saveFile(file.fileName, file.base64, FILE_KINDS.docx);
      return saved ? file.fileName : null;
    } finally {
      exporting.value = false;
    }
  }

  return {
    year,
    model,
    appendix,
    loading,
    loadError,
    exporting,
    saveState,
    saveError,
    savedAt,
    texts,
    measureTexts,
    measureTitles,
    sections,
    draftSections,
    load,
    refresh,
    edit,
    editMeasure,
    setMeasureOrder,
    useLedgerNumber,
    setReportDate,
    flush,
    acceptDraft,
    setAppendix,
    exportWord,
  };
});
