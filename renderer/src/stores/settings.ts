// Township names and report options (settings.get / settings.update).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call } from '@/api/client.ts';
import type { AppSettings, Township } from '@shared/records.ts';

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<AppSettings | null>(null);
  const township = computed(() => settings.value?.township ?? null);
  /** first start: no township yet */
  const needsTownship = computed(() => settings.value !== null && settings.value.township === null);
  /** the clerk brings the ledger in first (a data package or a backup holds the names): no dialog this session */
  const townshipDeferred = ref(false);
  const deferTownship = () => (townshipDeferred.value = true);

  async function load() {
    settings.value = await call('settings.get', {});
    return settings.value;
  }

  async function update(patch: { township?: Township; approximateNumbers?: boolean; addressee?: string | null; caseNoPattern?: string; villages?: string[] }) {
    settings.value = await call('settings.update', {
      ...patch,
      ...(patch.township ? { township: { ...patch.township, superior: patch.township.superior || null } } : {}),
    });
    return settings.value;
  }

  return { settings, township, needsTownship, townshipDeferred, deferTownship, load, update };
});
