// Exporting a file the clerk asked for (Word, Excel, a data package): the core builds
// it, the save dialog (or a download) takes it, and the clerk is told what was saved —
// or why nothing was. One way for every export button.
import { computed } from 'vue';
import { FILE_KINDS, saveFile, type FileKind } from '@/api/platform.ts';
import { useAction } from './useAction.ts';

export interface BuiltFile {
  fileName: string;
  base64: string;
}

export function useFileExport() {
  const { run, busy } = useAction<'export'>();
  const exporting = computed(() => busy.value === 'export');

  /** builds and saves a file; resolves what was built when saved, null when the clerk cancelled, undefined after an error */
  async function exportFile<F extends BuiltFile>(build: () => Promise<F>, kind: FileKind, saidWhenSaved: (file: F) => string): Promise<F | null | undefined> {
    return run(
      async () => {
        const file = await build();
        return (await saveFile(file.fileName, file.base64, FILE_KINDS[kind])) ? file : null;
      },
      { busy: 'export', success: (file) => (file ? saidWhenSaved(file) : null) },
    );
  }

  return { exporting, exportFile };
}
