// Importing a data package (.json, or .zip with attachments): read the chosen file,
// preview what would change (nothing is written), then import on the clerk's word.
// A package with invalid records writes nothing unless 跳过无效记录 is ticked.
import { computed, ref } from 'vue';
import { ElMessage } from 'element-plus';
import type { ImportCounts, ImportReport } from '@shared/contract/exchange.ts';
import type { ZipImportReport } from '@shared/contract/exchange.ts';
import { call } from '@/api/client.ts';
import { base64ToBytes, openFiles } from '@/api/platform.ts';
import { useAction } from '@/composables/useAction.ts';
import { useSettingsStore } from '@/stores/settings.ts';
import { useYearStore } from '@/stores/year.ts';

export function usePackageImport() {
  const yearStore = useYearStore();
  const settingsStore = useSettingsStore();
  const { run, busy } = useAction<'preview' | 'import'>();
  const fileName = ref('');
  const content = ref('');
  /** a 含附件 package (.zip): its bytes; the preview then also lists attachments and conflicts */
  const zipBase64 = ref('');
  const skipInvalid = ref(false);
  /** records in the 回收站 the package has a changed copy of: restored and updated (the clerk's word) */
  const restoreFromBin = ref(false);
  const preview = ref<ImportReport | ZipImportReport | null>(null);
  const result = ref<ImportReport | null>(null);
  const importError = ref('');

  function reset() {
    fileName.value = '';
    content.value = '';
    zipBase64.value = '';
    preview.value = null;
    result.value = null;
    importError.value = '';
    skipInvalid.value = false;
    restoreFromBin.value = false;
  }

  async function pickFile() {
    const files = await openFiles([{ name: '数据包', extensions: ['json', 'zip'] }]);
    const f = files[0];
    if (!f) return;
    reset();
    fileName.value = f.name;
    if (/\.zip$/i.test(f.name)) zipBase64.value = f.base64;
    else {
      try {
        content.value = new TextDecoder('utf-8').decode(base64ToBytes(f.base64));
      } catch {
        importError.value = '无法读取这个文件，请确认它是法治台账导出的数据包（.json）';
        return;
      }
    }
    await runPreview();
  }

  async function runPreview() {
    if (!content.value && !zipBase64.value) return;
    const input = { skipInvalid: skipInvalid.value, restoreFromBin: restoreFromBin.value };
    preview.value = null;
    preview.value =
      (await run(
        () =>
          zipBase64.value ? call('exchange.previewZip', { ...input, base64: zipBase64.value }) : call('exchange.preview', { ...input, content: content.value }),
        {
          busy: 'preview',
          errorTo: importError,
        },
      )) ?? null;
  }

  const totals = computed<ImportCounts | null>(() => preview.value?.totals ?? null);
  const hasInvalid = computed(() => (totals.value?.invalid ?? 0) > 0 || (preview.value?.issues.length ?? 0) > 0);
  const blocked = computed(() => hasInvalid.value && !skipInvalid.value);
  const nothingToDo = computed(() => !!totals.value && totals.value.new + totals.value.updated === 0);

  async function confirmImport() {
    const input = { skipInvalid: skipInvalid.value, restoreFromBin: restoreFromBin.value };
    const r = await run(
      () =>
        zipBase64.value ? call('exchange.importZip', { ...input, base64: zipBase64.value }) : call('exchange.import', { ...input, content: content.value }),
      {
        busy: 'import',
        success: (r) => (r.applied ? `导入完成：新增 ${r.totals.new} 条，更新 ${r.totals.updated} 条` : null),
      },
    );
    if (!r) return;
    if (!r.applied) {
      preview.value = r;
      ElMessage.error('数据包中有无效记录，没有导入任何内容');
      return;
    }
    result.value = r;
    preview.value = null;
    // a first package on a new PC brings the township's names with it
    if (!settingsStore.township) await settingsStore.load();
    await yearStore.refresh();
    // the package is about another year: show that one
    if (r.years.length && !r.years.includes(yearStore.year)) yearStore.setYear(Math.max(...r.years));
  }

  return {
    busy,
    fileName,
    skipInvalid,
    restoreFromBin,
    preview,
    result,
    importError,
    totals,
    blocked,
    nothingToDo,
    pickFile,
    runPreview,
    confirmImport,
    reset,
  };
}
