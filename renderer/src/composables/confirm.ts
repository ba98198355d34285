// Asking the clerk before something that deletes, replaces or goes ahead despite a
// warning: one warning box, true when confirmed (取消 or closing the box is no).
import { ElMessageBox } from 'element-plus';

export interface AskOptions {
  /** the confirm button: 删除, 恢复, 仍然导出 … */
  confirm: string;
  /** the other button; default 取消 */
  cancel?: string;
  /** the confirm button in red (deleting, replacing) */
  danger?: boolean;
  customClass?: string;
}

export function ask(message: string, title: string, o: AskOptions): Promise<boolean> {
  return ElMessageBox.confirm(message, title, {
    confirmButtonText: o.confirm,
    cancelButtonText: o.cancel ?? '取消',
    type: 'warning',
    ...(o.danger ? { confirmButtonClass: 'el-button--danger' } : {}),
    ...(o.customClass ? { customClass: o.customClass } : {}),
  }).then(
    () => true,
    () => false,
  );
}
