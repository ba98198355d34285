// One autosave for both report pages (年度报告, 政务公开年报): the clerk's texts by key,
// shown at once and saved after a short pause (debounced); a text typed again while
// saving is kept and saved next; `flush` saves now (before export, on leaving the year).
import { ref } from 'vue';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export const SAVE_DELAY = 800;

export interface AutosaveOptions<K extends string> {
  /** writes the given texts; false when that failed (the clerk was told) */
  save: (texts: Map<K, string>) => Promise<boolean>;
  /** after a successful save: re-read what the page shows */
  after?: () => Promise<void>;
  delay?: number;
}

export function useAutosave<K extends string>(options: AutosaveOptions<K>) {
  const saveState = ref<SaveState>('idle');
  const savedAt = ref<Date | null>(null);
  const pending = new Map<K, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const delay = options.delay ?? SAVE_DELAY;

  function schedule() {
    saveState.value = 'pending';
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  }

  /** the clerk typed: save it shortly */
  function edit(key: K, text: string) {
    pending.set(key, text);
    schedule();
  }

  /** saves every pending text now; true when nothing is left unsaved */
  async function flush(): Promise<boolean> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.size) return true;
    const sent = new Map(pending);
    saveState.value = 'saving';
    if (!(await options.save(sent))) {
      saveState.value = 'error';
      return false;
    }
    // keep keys edited again while saving
    for (const [k, v] of sent) if (pending.get(k) === v) pending.delete(k);
    saveState.value = pending.size ? 'pending' : 'saved';
    savedAt.value = new Date();
    await options.after?.();
    if (pending.size && !timer) timer = setTimeout(() => void flush(), delay);
    return true;
  }

  /** what the clerk typed and is not saved yet (wins over what a re-read says) */
  const unsaved = (key: K): string | undefined => pending.get(key);

  /** a new year: nothing shown as saved */
  function reset() {
    saveState.value = 'idle';
    savedAt.value = null;
  }

  return { saveState, savedAt, edit, flush, unsaved, reset };
}
