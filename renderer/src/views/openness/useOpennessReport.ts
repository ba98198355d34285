// The 政务公开年报 page's state: the year's model and export status, the 成文日期 and
// 联系方式, the clerk's texts of parts 一, 五, 六 autosaved into the year profile
// (debounced; a text typed again while saving is kept), and the Word export.
import { ref, watch } from 'vue';
import type { OpennessModel, OpennessPart } from '@shared/contract/openness.ts';
import type { OpennessNarrativeKey } from '@shared/openness.ts';
import { call } from '@/api/client.ts';
import { runAction } from '@/composables/useAction.ts';
import { useAutosave } from '@/composables/useAutosave.ts';
import { useYearStore } from '@/stores/year.ts';

export type { SaveState } from '@/composables/useAutosave.ts';

export function useOpennessReport() {
  const yearStore = useYearStore();
  const model = ref<OpennessModel | null>(null);
  const loading = ref(false);
  const date = ref<string | null>(null);
  const texts = ref<Partial<Record<OpennessNarrativeKey, string>>>({});
  const exportedAt = ref<string | null>(null);
  const contact = ref('');
  let seq = 0;
  const autosave = useAutosave<OpennessNarrativeKey>({
    save: async (sent) => {
      const narrative = Object.fromEntries([...sent].map(([k, v]) => [k, v.trim() ? v : null]));
      return !!(await runAction(() => call('years.saveProfile', { year: yearStore.year, openness: { narrative } })));
    },
    after: () => load(),
  });
  const { saveState, flush } = autosave;

  const dateInput = () => ({ year: yearStore.year, ...(date.value ? { date: date.value } : {}) });

  function syncTexts(m: OpennessModel) {
    const next: Partial<Record<OpennessNarrativeKey, string>> = {};
    for (const p of m.parts) {
      if (!p.narrativeKey) continue;
      next[p.narrativeKey] = autosave.unsaved(p.narrativeKey) ?? p.narrative ?? (p.draft ? (p.draftText ?? '') : '');
    }
    texts.value = next;
  }

  async function load() {
    const mine = ++seq;
    loading.value = true;
    const got = await runAction(() => Promise.all([call('openness.model', dateInput()), call('openness.status', { year: yearStore.year })]));
    if (mine !== seq) return;
    loading.value = false;
    if (!got) return;
    model.value = got[0];
    exportedAt.value = got[1].exportedAt;
    syncTexts(got[0]);
  }

  async function loadContact() {
    const s = await runAction(() => call('settings.get', {}), { errorTo: 'quiet' }); // shown empty
    contact.value = s?.opennessContact ?? '';
  }

  async function saveContact() {
    if (await runAction(() => call('settings.update', { opennessContact: contact.value.trim() || null }))) void load();
  }

  function edit(key: OpennessNarrativeKey, text: string) {
    texts.value = { ...texts.value, [key]: text };
    autosave.edit(key, text);
  }

  function acceptDraft(p: OpennessPart) {
    if (!p.narrativeKey) return;
    edit(p.narrativeKey, texts.value[p.narrativeKey] || p.draftText || '');
    void flush();
  }

  // the 成文日期 is kept with the year (not forgotten on leaving the page)
  let keptDate: string | null = null;
  watch(
    () => yearStore.year,
    async () => {
      await flush();
      model.value = null;
      const p = await runAction(() => call('years.getProfile', { year: yearStore.year }), { errorTo: 'quiet' });
      keptDate = p?.openness.opennessReportDate ?? null;
      date.value = keptDate;
      void load();
    },
    { immediate: true },
  );
  watch(date, async (d) => {
    if ((d ?? null) !== keptDate) {
      keptDate = d ?? null;
      await runAction(() => call('years.saveProfile', { year: yearStore.year, openness: { opennessReportDate: keptDate } }));
    }
    void load();
  });
  void loadContact();

  return { model, loading, date, texts, saveState, exportedAt, contact, dateInput, load, saveContact, flush, edit, acceptDraft };
}
