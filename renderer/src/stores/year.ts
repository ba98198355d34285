// The year every page follows. Years come from years.list; the choice is kept in localStorage.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '@/api/client.ts';

const STORAGE_KEY = 'fazhi-year';

function storedYear(): number | null {
  const n = Number(localStorage.getItem(STORAGE_KEY));
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}

export const useYearStore = defineStore('year', () => {
  const current = new Date().getFullYear();
  const year = ref<number>(storedYear() ?? current);
  const years = ref<number[]>([current]);
  const loaded = ref(false);

  function setYear(y: number) {
    year.value = y;
    localStorage.setItem(STORAGE_KEY, String(y));
    if (!years.value.includes(y)) years.value = [...years.value, y].sort((a, b) => b - a);
  }

  /** reloads the list of years (after an import a new year may appear) */
  async function refresh() {
    const list = await call('years.list', {});
    const merged = new Set([...list, year.value]);
    years.value = [...merged].sort((a, b) => b - a);
    if (!loaded.value && storedYear() === null) {
      // first visit: the newest year that holds records, else the current year
      for (const y of list.filter((y) => y <= current).slice(0, 3)) {
        const c = await call('years.counts', { year: y });
        if (Object.values(c.counts).some((n) => n > 0)) {
          year.value = y;
          break;
        }
      }
    }
    loaded.value = true;
  }

  return { year, years, loaded, setYear, refresh };
});
