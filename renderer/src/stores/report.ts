// The 年度报告 page's state: the report model of the selected year, the clerk's
// texts autosaved into the year profile (debounced), and the Word export.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ReportModel, ReportSection } from '@shared/contract/report.ts';
import type { NarrativeKey } from '@shared/records.ts';
import { call, errorMessage } from '@/api/client.ts';
import { saveFile } from '@/api/platform.ts';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

const SAVE_DELAY = 800;

/** The draft text of a section as the clerk would edit it: one paragraph a line. */
export function draftText(section: ReportSection): string {
  return section.paragraphs.filter((p) => p.source === 'draft').map((p) => (p.lead ?? '') + p.text).join('\n');
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
  let timer: ReturnType<typeof setTimeout> | null = null;
  let loadSeq = 0;

  const sections = computed<ReportSection[]>(() => (model.value ? [model.value.opening, ...model.value.sections] : []));
  const draftSections = computed(() => sections.value.filter((s) => s.draft));

  function syncTexts(m: ReportModel) {
    const next: Partial<Record<NarrativeKey, string>> = {};
    for (const s of [m.opening, ...m.sections]) {
      if (!s.narrativeKey) continue;
      // a key still waiting to be saved keeps what the clerk typed
      next[s.narrativeKey] = pending.has(s.narrativeKey) ? pending.get(s.narrativeKey)! : s.narrative ?? (s.draft ? draftText(s) : '');
    }
    texts.value = next;
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
    try {
      const m = await call('report.model', { year: y, appendix: appendix.value });
      if (seq !== loadSeq) return;
      model.value = m;
      syncTexts(m);
    } catch (e) {
      if (seq === loadSeq) loadError.value = errorMessage(e);
    } finally {
      if (seq === loadSeq) loading.value = false;
    }
  }

  /** quietly re-reads the model (after a save): figures, drafts and warnings */
  async function refresh() {
    if (year.value == null) return;
    const seq = ++loadSeq;
    try {
      const m = await call('report.model', { year: year.value, appendix: appendix.value });
      if (seq !== loadSeq) return;
      model.value = m;
      syncTexts(m);
    } catch (e) {
      loadError.value = errorMessage(e);
    }
  }

  /** the clerk typed: show it now, save it shortly */
  function edit(key: NarrativeKey, text: string) {
    texts.value = { ...texts.value, [key]: text };
    pending.set(key, text);
    saveState.value = 'pending';
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY);
  }

  /** saves every pending text now */
  async function flush(): Promise<boolean> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!pending.size || year.value == null) return true;
    const narrative = Object.fromEntries(pending) as Partial<Record<NarrativeKey, string>>;
    const sent = new Map(pending);
    saveState.value = 'saving';
    saveError.value = null;
    try {
      await call('years.saveProfile', { year: year.value, narrative: Object.fromEntries(Object.entries(narrative).map(([k, v]) => [k, v?.trim() ? v : null])) });
      // keep keys edited again while saving
      for (const [k, v] of sent) if (pending.get(k) === v) pending.delete(k);
      saveState.value = pending.size ? 'pending' : 'saved';
      savedAt.value = new Date();
      await refresh();
      if (pending.size && !timer) timer = setTimeout(() => void flush(), SAVE_DELAY);
      return true;
    } catch (e) {
      saveState.value = 'error';
      saveError.value = errorMessage(e);
      return false;
    }
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
      if (!(await flush())) throw new Error(saveError.value ?? '报告文字保存失败');
      const file = await call('report.export', { year: year.value, appendix: appendix.value });
      const saved = await saveFile(file.fileName, file.base64, [{ name: 'Word 文档', extensions: ['docx'] }]);
      return saved ? file.fileName : null;
    } finally {
      exporting.value = false;
    }
  }

  return {
    year, model, appendix, loading, loadError, exporting, saveState, saveError, savedAt, texts,
    sections, draftSections,
    load, refresh, edit, flush, acceptDraft, setAppendix, exportWord,
  };
});
