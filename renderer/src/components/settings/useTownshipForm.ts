// The township's names (简称, 发文机关全称, 上级): one form state, check and save
// for the first-start dialog and 设置 alike.
import { computed, reactive } from 'vue';
import { ApiCallError } from '@/api/client.ts';
import { useAction } from '@/composables/useAction.ts';
import { useSettingsStore } from '@/stores/settings.ts';

export interface TownshipFormValues {
  name: string;
  authority: string;
  superior: string;
}

export function useTownshipForm() {
  const settingsStore = useSettingsStore();
  const form = reactive<TownshipFormValues>({ name: '', authority: '', superior: '' });
  const errors = reactive<Record<string, string>>({});
  const { run, busy } = useAction<'save'>();
  const saving = computed(() => busy.value === 'save');

  function fill() {
    const t = settingsStore.township;
    form.name = t?.name ?? '';
    form.authority = t?.authority ?? '';
    form.superior = t?.superior ?? '';
  }

  function check(): boolean {
    for (const k of Object.keys(errors)) delete errors[k];
    if (!form.name.trim()) errors.name = '请填写乡镇简称，例如：小陶镇';
    if (!form.authority.trim()) errors.authority = '请填写发文机关全称，例如：永安市小陶镇人民政府';
    return Object.keys(errors).length === 0;
  }

  /** Checks and saves; true when saved (the success message is the caller's). */
  async function save(): Promise<boolean> {
    if (!check()) return false;
    const township = { name: form.name.trim(), authority: form.authority.trim(), superior: form.superior.trim() || null };
    const saved = await run(
      async () => {
        await settingsStore.update({ township });
        return true;
      },
      {
        busy: 'save',
        onError: (e) => {
          if (e instanceof ApiCallError) for (const i of e.issues) errors[i.field.replace(/^township\./, '')] = i.message;
        },
      },
    );
    return saved ?? false;
  }

  return { form, errors, saving, fill, save };
}
