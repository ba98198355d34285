// One way for a page to run a call the clerk started: the error shown as the
// clerk's Chinese message, an optional success message, and which action is busy
// (for a button's :loading). Replaces try / ElMessage.error(errorMessage(e)) copies.
import { ref, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { errorMessage } from '@/api/client.ts';

export interface ActionOptions<T, K extends string> {
  /** the action's name while it runs (busy.value === name) */
  busy?: K;
  /** shown when it succeeds; a function may return null to say nothing */
  success?: string | ((value: T) => string | null);
  /** called with the error before it is shown (a form puts the server's issues beside its fields) */
  onError?: (e: unknown) => void;
  /** where the error goes: a toast (default), a ref the page shows in place, or nowhere ('quiet': a convenience that may fail) */
  errorTo?: Ref<string> | Ref<string | null> | 'quiet';
}

export interface Action<K extends string> {
  busy: Ref<K | ''>;
  /** runs fn; resolves its value, or undefined after showing the error */
  run: <T>(fn: () => Promise<T>, options?: ActionOptions<T, K>) => Promise<T | undefined>;
}

/** Runs fn as `useAction().run` does, for code outside a component (stores, composables). */
export async function runAction<T>(fn: () => Promise<T>, options: ActionOptions<T, string> = {}): Promise<T | undefined> {
  try {
    const value = await fn();
    const message = typeof options.success === 'function' ? options.success(value) : options.success;
    if (message) ElMessage.success(message);
    if (options.errorTo && options.errorTo !== 'quiet') options.errorTo.value = '';
    return value;
  } catch (e) {
    options.onError?.(e);
    if (options.errorTo === 'quiet') return undefined;
    if (options.errorTo) options.errorTo.value = errorMessage(e);
    else ElMessage.error(errorMessage(e));
    return undefined;
  }
}

export function useAction<K extends string = string>(): Action<K> {
  const busy = ref('') as Ref<K | ''>;
  async function run<T>(fn: () => Promise<T>, options: ActionOptions<T, K> = {}): Promise<T | undefined> {
    if (options.busy) busy.value = options.busy;
    try {
      return await runAction(fn, options);
    } finally {
      if (options.busy) busy.value = '';
    }
  }
  return { busy, run };
}
