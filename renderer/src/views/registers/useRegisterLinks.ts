// Links into a register page (首页 charts and reminders, the report's checks, 审稿):
//   ?year=2025&f_type=neighbor&from=…&to=…&incomplete=1&open=ID
//   ?year=2025&f.outcome=penalty&f.entrusted=true&edit=ID
// A link that filters shows exactly what it names, not on top of filters kept from
// before; a link to another year switches the working year first.
import { watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { RegisterName } from '@shared/registers.ts';
import { useYearStore } from '@/stores/year.ts';
import { REGISTER_PAGES, fieldMap } from './register-config.ts';
import type { useRegisterFilters } from './useRegisterFilters.ts';

type Query = Record<string, unknown>;
const FILTERING = (k: string) => k.startsWith('f_') || k.startsWith('f.') || k === 'from' || k === 'incomplete';

export function useRegisterLinks(
  register: RegisterName,
  filterState: ReturnType<typeof useRegisterFilters>,
  on: { open: (id: string) => void; yearChanged: () => void },
) {
  const route = useRoute();
  const router = useRouter();
  const yearStore = useYearStore();
  const fields = fieldMap(REGISTER_PAGES[register].def);
  const { filters, dateRange, filterKeys, moreFilterKeys, showMore, resetFilters } = filterState;
  let pending: Query | null = null;

  function apply(q: Query) {
    if (Object.keys(q).some(FILTERING)) resetFilters();
    for (const [k, v] of Object.entries(q)) {
      if (typeof v !== 'string') continue;
      if (k.startsWith('f_')) filters[k.slice(2)] = v === 'true' ? true : v === 'false' ? false : v;
      else if (k.startsWith('f.') && filterKeys.value.includes(k.slice(2))) {
        const key = k.slice(2);
        filters[key] = fields.get(key)?.type === 'bool' ? v === 'true' : v;
        if (moreFilterKeys.value.includes(key)) showMore.value = true;
      }
    }
    if (typeof q.from === 'string' && typeof q.to === 'string') dateRange.value = [q.from, q.to];
    if (q.incomplete === '1') filters.fileIncomplete = true;
    const id = typeof q.open === 'string' ? q.open : typeof q.edit === 'string' ? q.edit : null;
    if (id) on.open(id);
  }

  function take() {
    const q = { ...route.query } as Query;
    if (Object.keys(q).length === 0) return;
    const y = Number(q.year);
    if (y && y !== yearStore.year) {
      pending = q; // the year watcher resets the filters first, then applies these
      yearStore.setYear(y);
    } else apply(q);
    void router.replace({ path: route.path });
  }

  watch(
    () => yearStore.year,
    () => {
      resetFilters();
      if (pending) apply(pending);
      pending = null;
      on.yearChanged();
    },
  );
  watch(
    () => route.query,
    (q) => {
      if (Object.keys(q).length) take();
    },
  );
  take();
}
