// The 行政执法数据 page's state: the year's model, the 成文日期, the clerk's two texts and the
// settings (罚没金额 unit, the 山西 rule) kept in the year profile — a text saved a moment after
// typing stops (a text typed again while saving is kept), a setting at once.
import { ref, watch } from 'vue';
import type { EnforcementModel, EnforcementPart } from '@shared/contract/enforcement.ts';
import { call } from '@/api/client.ts';
import { runAction } from '@/composables/useAction.ts';
import { useYearStore } from '@/stores/year.ts';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';
export type TextKey = 'duties' | 'problems';
const SAVE_DELAY = 800;

export function useEnforcementData() {
  const yearStore = useYearStore();
  const model = ref<EnforcementModel | null>(null);
  const loading = ref(false);
  const date = ref<string | null>(null);
  const texts = ref<Partial<Record<TextKey, string>>>({});
  const pending = new Map<TextKey, string>();
  const saveState = ref<SaveState>('idle');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;

  const dateInput = () => ({ year: yearStore.year, ...(date.value ? { date: date.value } : {}) });

  async function load() {
    const mine = ++seq;
    loading.value = true;
    const got = await runAction(() => call('enforcement.model', dateInput()));
    if (mine !== seq) return;
    loading.value = false;
    if (!got) return;
    model.value = got;
    const next: Partial<Record<TextKey, string>> = {};
    for (const p of got.parts) {
      if (p.key !== 'duties' && p.key !== 'problems') continue;
      next[p.key] = pending.has(p.key) ? pending.get(p.key)! : (p.text ?? (p.draft ? (p.draftText ?? '') : ''));
    }
    texts.value = next;
  }

  /** saves every pending text now; false when that failed (the clerk was told) */
  async function flush(): Promise<boolean> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.size) return true;
    const sent = new Map(pending);
    saveState.value = 'saving';
    const enforcementDoc = Object.fromEntries([...sent].map(([k, v]) => [k, v.trim() ? v : null]));
    const ok = await runAction(() => call('years.saveProfile', { year: yearStore.year, enforcementDoc }));
    if (!ok) {
      saveState.value = 'error';
      return false;
    }
    for (const [k, v] of sent) if (pending.get(k) === v) pending.delete(k);
    saveState.value = pending.size ? 'pending' : 'saved';
    await load();
    return true;
  }

  function edit(key: TextKey, text: string) {
    texts.value = { ...texts.value, [key]: text };
    pending.set(key, text);
    saveState.value = 'pending';
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY);
  }

  function acceptDraft(p: EnforcementPart) {
    if (p.key !== 'duties' && p.key !== 'problems') return;
    edit(p.key, texts.value[p.key] || p.draftText || '');
    void flush();
  }

  async function saveSetting(setting: { amountUnit?: 'wan' | 'yuan'; excludePenalizedInspections?: boolean }) {
    if (await runAction(() => call('years.saveProfile', { year: yearStore.year, enforcementDoc: setting }))) await load();
  }

  watch(
    () => yearStore.year,
    async () => {
      await flush();
      date.value = null;
      model.value = null;
      void load();
    },
    { immediate: true },
  );
  watch(date, () => void load());

  return { model, loading, date, texts, saveState, dateInput, load, flush, edit, acceptDraft, saveSetting };
}
