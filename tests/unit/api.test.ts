import { describe, expect, it } from 'vitest';
import { handlers } from '../../electron/core/api/handlers.ts';
import { METHOD_NAMES } from '../../electron/shared/contract/index.ts';
import { err, memoryCore } from '../helpers/core.ts';

describe('the API contract', () => {
  it('names every method domain.verb and implements each one', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(40);
    for (const m of METHOD_NAMES) {
      expect(m).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
      expect(typeof (handlers as Record<string, unknown>)[m], m).toBe('function');
    }
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it.each(METHOD_NAMES)('%s refuses bad input with a Chinese message', async (method) => {
    const core = memoryCore();
    for (const bad of [42, 'text', [1, 2], true]) {
      const e = err(await core.dispatch(method, bad));
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/参数有误/);
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('refuses an unknown method', async () => {
    const e = err(await memoryCore().dispatch('records.dropAll', {}));
    expect(e.code).toBe('unknown_method');
  });

  it('refuses wrongly typed fields inside an object', async () => {
    const core = memoryCore();
    expect(err(await core.dispatch('activities.list', { page: -1 })).message).toContain('page');
    expect(err(await core.dispatch('activities.get', { id: 5 })).message).toContain('id');
    expect(err(await core.dispatch('activities.create', { record: 'x' })).message).toContain('record');
    expect(err(await core.dispatch('years.counts', { year: '2024' })).message).toContain('year');
    expect(err(await core.dispatch('exchange.import', { content: '' })).message).toContain('数据包内容为空');
  });

  it('hides internal errors behind a plain message', async () => {
    const core = memoryCore();
    core.ctx.db.exec('DROP TABLE activities');
    const e = err(await core.dispatch('activities.list', {}));
    expect(e.code).toBe('internal');
    expect(e.message).toContain('数据未改动');
    expect(e.message).not.toMatch(/SQLITE|no such table/);
  });
});
