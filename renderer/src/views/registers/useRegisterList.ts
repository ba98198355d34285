// A register page's list: the query built from the kept filters, server-side paging
// and sorting, loading, and the year's counts (total, in the 回收站). A newer load
// wins over an older one still on its way.
import { computed, ref, watch } from 'vue';
import type { RegisterName } from '@shared/registers.ts';
import { call } from '@/api/client.ts';
import { registerApi } from '@/api/register-api.ts';
import { runAction } from '@/composables/useAction.ts';
import { useYearStore } from '@/stores/year.ts';
import { REGISTER_PAGES } from './register-config.ts';
import type { useRegisterFilters } from './useRegisterFilters.ts';

export type Row = Record<string, unknown> & { id: string };
export type SortChange = { prop: string | null; order: 'ascending' | 'descending' | null };

export function useRegisterList(register: RegisterName, filterState: ReturnType<typeof useRegisterFilters>) {
  const yearStore = useYearStore();
  const config = REGISTER_PAGES[register];
  const { filters, dateRange, keyword } = filterState;

  const rows = ref<Row[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(20);
  const sortBy = ref(config.sortBy);
  const sortOrder = ref<'asc' | 'desc'>('desc');
  const loading = ref(false);
  const deletedCount = ref(0);
  const yearTotal = ref<number | null>(null);
  /** bumped on every load, so cards that depend on the data refresh too */
  const loadVersion = ref(0);

  /** the list's current query without paging (also what 导出Excel and 打印 use) */
  const listQuery = computed(() => {
    const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v != null && v !== '')) as Record<string, string | boolean>;
    return {
      year: yearStore.year,
      ...(dateRange.value ? { from: dateRange.value[0], to: dateRange.value[1] } : {}),
      ...(keyword.value.trim() ? { keyword: keyword.value.trim() } : {}),
      ...(Object.keys(active).length ? { filters: active } : {}),
      sortBy: sortBy.value,
      sortOrder: sortOrder.value,
    };
  });

  let loadSeq = 0;
  async function load(): Promise<void> {
    loadVersion.value++;
    const mine = ++loadSeq;
    loading.value = true;
    const r = await runAction(() => registerApi(register).list({ ...listQuery.value, page: page.value, pageSize: pageSize.value }));
    if (mine !== loadSeq) return; // a newer request is on its way
    loading.value = false;
    if (!r) return;
    rows.value = r.items;
    total.value = r.total;
    if (page.value > 1 && r.items.length === 0 && r.total > 0) {
      page.value = Math.max(1, Math.ceil(r.total / pageSize.value));
      return load();
    }
    void loadCounts();
  }

  async function loadCounts() {
    // the badge and the year's total are a convenience: no message when they fail
    const c = await runAction(() => call('years.counts', { year: yearStore.year }), { errorTo: 'quiet' });
    if (!c) return;
    deletedCount.value = c.deleted[register];
    yearTotal.value = c.counts[register];
  }

  /** back to the first page and load (after the query changed) */
  function reload() {
    page.value = 1;
    void load();
  }

  let keywordTimer: ReturnType<typeof setTimeout> | undefined;
  watch(keyword, () => {
    clearTimeout(keywordTimer);
    keywordTimer = setTimeout(reload, 300);
  });
  watch([filters, dateRange], reload, { deep: true });

  function onSortChange({ prop, order }: SortChange) {
    sortBy.value = prop && order ? prop : config.sortBy;
    sortOrder.value = prop && order === 'ascending' ? 'asc' : 'desc';
    reload();
  }

  return { rows, total, page, pageSize, loading, deletedCount, yearTotal, loadVersion, listQuery, load, reload, onSortChange };
}
