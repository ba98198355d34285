// useAction / runAction (renderer/src/composables/useAction.ts): the one way a page runs
// a call — the clerk's Chinese message on failure (a toast, in place, or none), the
// success message, the busy flag for a button, and the form's hook for the issues.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';

const toasts: { kind: string; text: string }[] = [];
vi.mock('element-plus', () => ({
  ElMessage: {
    success: (text: string) => toasts.push({ kind: 'success', text }),
    error: (text: string) => toasts.push({ kind: 'error', text }),
  },
}));
class ApiCallError extends Error {}
vi.mock('@/api/client.ts', () => ({
  errorMessage: (e: unknown) => (e instanceof ApiCallError ? e.message : '操作失败：程序出现了意外问题，数据未改动。请重试；如仍失败，请联系技术支持。'),
}));
const { runAction, useAction } = await import('../../../renderer/src/composables/useAction.ts');

beforeEach(() => {
  toasts.length = 0;
});

describe('runAction', () => {
  it('resolves the value and says the success message (a function may say nothing)', async () => {
    expect(await runAction(async () => 3, { success: (n) => `已导入 ${n} 条` })).toBe(3);
    expect(await runAction(async () => null, { success: (v) => (v ? '已保存' : null) })).toBeNull();
    expect(toasts).toEqual([{ kind: 'success', text: '已导入 3 条' }]);
  });

  it('shows a failure as the clerk’s message and resolves undefined', async () => {
    expect(await runAction(() => Promise.reject(new ApiCallError('“活动日期”不能为空')), { success: '已保存' })).toBeUndefined();
    await runAction(() => Promise.reject(new SyntaxError('Unexpected token < in JSON at position 0')));
    expect(toasts).toEqual([
      { kind: 'error', text: '“活动日期”不能为空' },
      { kind: 'error', text: '操作失败：程序出现了意外问题，数据未改动。请重试；如仍失败，请联系技术支持。' },
    ]);
  });

  it('puts the message in place (errorTo), clears it on the next success, or says nothing (quiet)', async () => {
    const error = ref('');
    await runAction(() => Promise.reject(new ApiCallError('无法读取这个文件')), { errorTo: error });
    expect(error.value).toBe('无法读取这个文件');
    await runAction(async () => 1, { errorTo: error });
    expect(error.value).toBe('');
    await runAction(() => Promise.reject(new ApiCallError('x')), { errorTo: 'quiet' });
    expect(toasts).toEqual([]);
  });

  it('hands the error to onError first (a form puts the issues beside its fields)', async () => {
    const seen: unknown[] = [];
    const e = new ApiCallError('有些内容需要修改');
    await runAction(() => Promise.reject(e), { onError: (x) => seen.push(x) });
    expect(seen).toEqual([e]);
    expect(toasts).toEqual([{ kind: 'error', text: '有些内容需要修改' }]);
  });
});

describe('useAction', () => {
  it('names the running action in busy, and clears it when done or failed', async () => {
    const { run, busy } = useAction<'save' | 'export'>();
    let release!: () => void;
    const running = run(() => new Promise<void>((r) => (release = r)), { busy: 'save' });
    expect(busy.value).toBe('save');
    release();
    await running;
    expect(busy.value).toBe('');
    await run(() => Promise.reject(new ApiCallError('保存失败')), { busy: 'export' });
    expect(busy.value).toBe('');
  });
});
