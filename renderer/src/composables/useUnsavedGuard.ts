// Warns before leaving a page (route change or closing the window) with unsaved changes.
import { onBeforeUnmount, onMounted } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';
import { ElMessageBox } from 'element-plus';

/**
 * 继续编辑 is the default (focused, primary) button: Esc then Enter keeps the form.
 * Only 放弃修改 discards; Esc or × on this question keeps editing too.
 */
export async function confirmDiscard(what = '填写的内容'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(`${what}还没有保存，离开后这些修改会丢失。确定放弃修改吗？`, '有未保存的修改', {
      confirmButtonText: '继续编辑',
      cancelButtonText: '放弃修改',
      type: 'warning',
      distinguishCancelAndClose: true,
      customClass: 'discard-confirm',
    });
    return false;
  } catch (action) {
    return action === 'cancel';
  }
}

export function useUnsavedGuard(isDirty: () => boolean) {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (isDirty()) {
      e.preventDefault();
      e.returnValue = '';
    }
  };
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload));
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload));
  onBeforeRouteLeave(async () => (isDirty() ? confirmDiscard() : true));
}
