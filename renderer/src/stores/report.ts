// The 年度报告 page's state: the report model of the selected year, the clerk's
// texts autosaved into the year profile (debounced), and the Word export.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ReportModel, ReportSection } from '@shared/contract/report.ts';
import type { MeasureKey, NarrativeKey } from '@shared/records.ts';
import { ApiCallError, call } from '@/api/client.ts';
import { FILE_KINDS, saveFile } from '@/api/platform.ts';
import { runAction } from '@/composables/useAction.ts';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

const SAVE_DELAY = 800;

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
  const saveState = ref<SaveState>('idle');
  const saveError = ref<string | null>(null);
  const savedAt = ref<Date | null>(null);
  /** texts being edited, by narrative key (what the textareas show) */
  const texts = ref<Partial<Record<NarrativeKey, string>>>({});
  const pending = new Map<NarrativeKey, string>();
  /** the clerk's measure texts and titles, by area (what the 逐节编写 boxes show) */
  const measureTexts = ref<Partial<Record<MeasureKey, string>>>({});
  const measureTitles = ref<Partial<Record<MeasureKey, string>>>({});
  const pendingMeasures = new Map<MeasureKey, string>();
  const pendingTitles = new Map<MeasureKey, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let loadSeq = 0;

  const sections = computed<ReportSection[]>(() => (model.value ? [model.value.opening, ...model.value.sections] : []));
  const draftSections = computed(() => sections.value.filter((s) => s.draft));

  function syncTexts(m: ReportModel) {
    const next: Partial<Record<NarrativeKey, string>> = {};
    for (const s of [m.opening, ...m.sections]) {
      if (!s.narrativeKey) continue;
      // a key still waiting to be saved keeps what the clerk typed
      next[s.narrativeKey] = pending.has(s.narrativeKey) ? pending.get(s.narrativeKey)! : (s.narrative ?? (s.draft ? draftText(s) : ''));
    }
    texts.value = next;
    const mt: Partial<Record<MeasureKey, string>> = {};
    const tt: Partial<Record<MeasureKey, string>> = {};
    for (const a of m.measureAreas) {
      mt[a.key] = pendingMeasures.has(a.key) ? pendingMeasures.get(a.key)! : (a.clerkText ?? '');
      tt[a.key] = pendingTitles.has(a.key) ? pendingTitles.get(a.key)! : (a.clerkTitle ?? '');
    }
    measureTexts.value = mt;
    measureTitles.value = tt;
  }

  function schedule() {
    saveState.value = 'pending';
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY);
  }

  /** the clerk typed a measure area's text or title */
  function editMeasure(key: MeasureKey, part: 'text' | 'title', value: string) {
    if (part === 'text') {
      measureTexts.value = { ...measureTexts.value, [key]: value };
      pendingMeasures.set(key, value);
    } else {
      measureTitles.value = { ...measureTitles.value, [key]: value };
      pendingTitles.set(key, value);
    }
    schedule();
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
      saveState.value = 'idle';
      savedAt.value = null;
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
    pending.set(key, text);
    schedule();
  }

  /** saves every pending text now */
  async function flush(): Promise<boolean> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const size = () => pending.size + pendingMeasures.size + pendingTitles.size;
    if (!size() || year.value == null) return true;
    const sent = new Map(pending);
    const sentM = new Map(pendingMeasures);
    const sentT = new Map(pendingTitles);
    const blank = (m: Map<string, string>) => Object.fromEntries([...m].map(([k, v]) => [k, v?.trim() ? v : null]));
    saveState.value = 'saving';
    saveError.value = null;
    const input = {
      year: year.value,
      ...(sent.size ? { narrative: blank(sent) } : {}),
      ...(sentM.size ? { measures: blank(sentM) } : {}),
      ...(sentT.size ? { measureTitles: blank(sentT) } : {}),
    };
    const saved = await runAction(() => call('years.saveProfile', input), { errorTo: saveError });
    if (!saved) {
      saveState.value = 'error';
      return false;
    }
    // keep keys edited again while saving
    for (const [k, v] of sent) if (pending.get(k) === v) pending.delete(k);
    for (const [k, v] of sentM) if (pendingMeasures.get(k) === v) pendingMeasures.delete(k);
    for (const [k, v] of sentT) if (pendingTitles.get(k) === v) pendingTitles.delete(k);
    saveState.value = size() ? 'pending' : 'saved';
    savedAt.value = new Date();
    await refresh();
    if (size() && !timer) timer = setTimeout(() => void flush(), SAVE_DELAY);
    return true;
  }

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
    setReportDate,
    flush,
    acceptDraft,
    setAppendix,
    exportWord,
  };
});
