// 导出Word of the 法治政府建设情况报告, with what a clerk must settle first: personal
// data blocks it (see 审稿), a missing 成文日期 is asked for (proposing one in the
// allowed window), sections still in draft are confirmed.
import { ElMessage, ElMessageBox } from 'element-plus';
import { useAction } from '@/composables/useAction.ts';
import { useReportStore } from '@/stores/report.ts';
import { ask } from '@/composables/confirm.ts';

const cancelled = (e: unknown) => e === 'cancel' || e === 'close';

export function useReportExport(sectionTitle: (s: { heading: string }) => string) {
  const report = useReportStore();
  const { run } = useAction();

  /** export needs a 成文日期: ask, proposing one in the allowed window */
  async function ensureDate(): Promise<boolean> {
    const m = report.model;
    if (!m || m.dateSource === 'profile') return true;
    const answer = await ElMessageBox.prompt(
      `还没有填写成文日期。成文日期一般在${m.dateWindow.from}至${m.dateWindow.to}之间（报告应在次年3月1日前报送）。请确认或修改：`,
      '填写成文日期',
      {
        inputValue: m.dateProposal,
        inputPattern: /^\d{4}-\d{2}-\d{2}$/,
        inputErrorMessage: '请按 YYYY-MM-DD 填写，例如 2025-01-15',
        confirmButtonText: '确定并导出',
        cancelButtonText: '返回',
      },
    ).catch((e: unknown) => (cancelled(e) ? null : Promise.reject(e)));
    if (!answer) return false;
    const saved = await run(async () => {
      await report.setReportDate(answer.value);
      return true;
    });
    return saved ?? false;
  }

  /** drafts still in the report: ask before exporting */
  async function confirmDrafts(): Promise<boolean> {
    await report.flush();
    const drafts = report.draftSections.map(sectionTitle);
    if (!drafts.length) return true;
    const message = `以下部分仍是系统生成的草稿，尚未修改确认：${drafts.map((d) => `“${d}”`).join('、')}。仍要导出吗？`;
    return ask(message, '导出Word', { confirm: '仍然导出', cancel: '返回修改' });
  }

  async function exportWord() {
    await report.flush();
    await report.refresh();
    const blocking = (report.model?.review ?? []).filter((r) => r.severity === 'block');
    if (blocking.length) {
      ElMessage.error(`报告中会出现个人信息（${blocking.length}处），不能导出。请按“审稿”中的提示修改。`);
      return;
    }
    if (!(await ensureDate()) || !(await confirmDrafts())) return;
    await run(() => report.exportWord(), { success: (name) => (name ? `已导出《${name}》` : null) });
  }

  /** 成文日期 chosen in the date row (cleared: null) */
  const setDate = (v: string | null) => run(() => report.setReportDate(v || null));

  return { exportWord, setDate };
}
