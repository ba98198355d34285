// A register page's filters (the choices, 日期, 关键词, 更多筛选): kept per register while
// the app is open, so leaving a page and coming back finds them as they were. A new
// working year starts them empty.
import { computed, reactive, ref, type Ref } from 'vue';
import { EMPTY_FILTER, isOtherChoice, type RegisterName } from '@shared/registers.ts';
import { registerApi } from '@/api/register-api.ts';
import { runAction } from '@/composables/useAction.ts';
import { useYearStore } from '@/stores/year.ts';
import { formatValue } from '@/utils/format.ts';
import { REGISTER_PAGES, fieldMap } from './register-config.ts';

interface FilterState {
  year: number;
  filters: Record<string, string | boolean | null>;
  dateRange: Ref<[string, string] | null>;
  keyword: Ref<string>;
  showMore: Ref<boolean>;
}

const kept = new Map<RegisterName, FilterState>();

function stateOf(register: RegisterName, year: number): FilterState {
  let s = kept.get(register);
  if (!s) {
    s = { year, filters: reactive({}), dateRange: ref(null), keyword: ref(''), showMore: ref(false) };
    kept.set(register, s);
  }
  return s;
}

export function useRegisterFilters(register: RegisterName) {
  const yearStore = useYearStore();
  const config = REGISTER_PAGES[register];
  const def = config.def;
  const fields = fieldMap(def);
  const state = stateOf(register, yearStore.year);
  const { filters, dateRange, keyword, showMore } = state;

  const filterKeys = computed(() => def.fields.filter((f) => f.filter).map((f) => f.key));
  const primaryFilterKeys = computed(() => filterKeys.value.filter((k) => config.primaryFilters.includes(k)));
  const moreFilterKeys = computed(() => filterKeys.value.filter((k) => !config.primaryFilters.includes(k)));
  const textOptions = reactive<Record<string, string[]>>({});
  const isSet = (v: unknown) => v !== null && v !== undefined && v !== '';

  const activeFilterCount = computed(() => Object.values(filters).filter(isSet).length + (dateRange.value ? 1 : 0) + (keyword.value.trim() ? 1 : 0));
  const hiddenActiveCount = computed(() => moreFilterKeys.value.filter((k) => isSet(filters[k])).length);

  async function loadTextOptions() {
    for (const key of filterKeys.value) {
      if (fields.get(key)?.type !== 'text') continue;
      // the choices are a convenience: none offered when they cannot be read
      textOptions[key] = (await runAction(() => registerApi(register).suggest({ field: key, year: yearStore.year }), { errorTo: 'quiet' })) ?? [];
    }
  }

  function resetFilters() {
    for (const k of Object.keys(filters)) filters[k] = null;
    dateRange.value = null;
    keyword.value = '';
    state.year = yearStore.year;
  }
  // filters chosen for another year mean nothing in this one
  if (state.year !== yearStore.year) resetFilters();

  const optionsOf = (key: string): { value: string | boolean; label: string }[] => {
    const f = fields.get(key);
    if (f?.type === 'bool')
      return [
        { value: true, label: `${f.label}：是` },
        { value: false, label: `${f.label}：否` },
      ];
    // text filters (村（社区）, 填报部门, 细分类别 …) offer the values already in the ledger; once a
    // 工作类别 is chosen, its own 细分类别 (and any typed freely), named as it names them
    if (f?.type === 'text')
      return (textOptions[key] ?? []).filter((v) => !isOtherChoice(f, v, filters)).map((v) => ({ value: v, label: formatValue(f, v, filters) }));
    const empty = f?.emptyMeans ? [{ value: EMPTY_FILTER, label: f.emptyMeans }] : [];
    return [...Object.entries(f?.options ?? {}).map(([value, label]) => ({ value, label })), ...empty];
  };

  /** wide enough for the longest choice, within reason */
  function selectWidth(key: string): string {
    const f = fields.get(key);
    const longest = Math.max(f?.label.length ?? 4, ...optionsOf(key).map((o) => o.label.length));
    return `${Math.min(200, Math.max(120, longest * 14 + 64))}px`;
  }

  const keywordPlaceholder = computed(() => {
    const labels = def.fields.filter((f) => f.search && f.role !== 'department' && f.role !== 'remarks').map((f) => f.label);
    return `搜索${labels[0] ?? ''}等`;
  });

  return {
    filterKeys,
    primaryFilterKeys,
    moreFilterKeys,
    showMore,
    filters,
    dateRange,
    keyword,
    activeFilterCount,
    hiddenActiveCount,
    loadTextOptions,
    resetFilters,
    optionsOf,
    selectWidth,
    keywordPlaceholder,
  };
}
