// 数据交换: a package is previewed before anything is written, then imported;
// 首页 shows the imported counts. A broken package names the record and field.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTERS, REGISTER_NAMES } from '../../electron/shared/registers.ts';
import { FIXTURES_DIR } from '../helpers/core.ts';
import { hasChromium, shot, useApp } from './harness.ts';

const FIXTURE = '000_3b1c3260cd606f40';
const FIXTURE_FILE = join(FIXTURES_DIR, FIXTURE, 'package.json');
const pkg = JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')) as Record<string, unknown[]>;
const count = (r: string) => pkg[r]?.length ?? 0;

describe.skipIf(!hasChromium)('数据交换', () => {
  const app = useApp();
  /** the fixture imported through the API, the page reloaded */
  async function imported() {
    await app.call('exchange.import', { content: readFileSync(FIXTURE_FILE, 'utf8') });
    return app.reload();
  }

  it('names the bad record and field of a broken package and imports nothing', async () => {
    const broken = structuredClone(pkg) as Record<string, unknown>;
    broken.township = { name: '大岭乡', authority: '永安市大岭乡人民政府' };
    const acts = broken.activities as Record<string, unknown>[];
    acts[2] = { ...acts[2], kind: 'dance' };
    const file = join(app.dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));

    const exchange = await app.shell.goto('数据交换');
    await exchange.pickPackage(file);
    await exchange.preview.waitFor();
    await app.page.getByTestId('township-mismatch').getByText('大岭乡').waitFor();
    const issues = await exchange.issues.innerText();
    expect(issues).toContain('普法宣传活动（第3条');
    expect(issues).toContain('形式');
    expect(await exchange.confirmButton.isDisabled()).toBe(true);
    // 跳过无效记录 makes the rest importable
    await app.page.getByTestId('skip-invalid').click();
    await exchange.confirmButton.and(app.page.locator(':not([disabled])')).waitFor();
    const counts = await app.call('years.counts', { year: 2023 });
    expect(Object.values(counts.counts).every((n) => n === 0)).toBe(true);
    await exchange.repick();
  });

  it('previews the fixture package first, imports it, and 首页 shows the counts for 2023', async () => {
    const exchange = await app.shell.goto('数据交换');
    await exchange.pickPackage(FIXTURE_FILE);
    await exchange.preview.waitFor();
    expect(await app.page.getByTestId('picked-file').innerText()).toBe('package.json');
    for (const r of REGISTER_NAMES) {
      if (!count(r)) continue; // a register the package has no record of gets no row
      const row = await exchange.countsRow(REGISTERS[r].label).innerText();
      expect(row.split(/\s+/)[1]).toBe(String(count(r)));
    }
    expect(await exchange.issues.count()).toBe(0);
    // nothing written by the preview
    expect((await app.call('years.counts', { year: 2023 })).counts.activities).toBe(0);

    await exchange.confirm();
    expect(await app.page.getByTestId('import-result').innerText()).toContain(`新增 ${REGISTER_NAMES.reduce((a, r) => a + count(r), 0) + 1} 条`);

    const home = await exchange.goHome();
    await app.shell.yearLabel().filter({ hasText: '2023年' }).waitFor();
    // 首页 has a card for every register, so the cards add up to the total
    for (const r of REGISTER_NAMES) {
      await home
        .card(r)
        .getByTestId('count')
        .filter({ hasText: new RegExp(`^${count(r)}$`) })
        .waitFor();
    }
  });

  it('lists a record in the 回收站 as a conflict, and restores it only when the clerk ticks it', async () => {
    const a = await app.call('activities.create', { record: { date: '2023-03-01', title: 'E2E宪法宣传', kind: 'campaign' } });
    await app.call('activities.delete', { id: a.id });
    const changed = {
      format: 'fazhi-ledger-package',
      version: 1,
      township: { name: '小陶镇', authority: '永安市小陶镇人民政府' },
      activities: [{ id: a.id, date: '2023-03-01', title: 'E2E宪法宣传（数据包改）', kind: 'campaign', updatedAt: '2099-01-01T00:00:00Z' }],
    };
    const file = join(app.dir, 'bin.json');
    writeFileSync(file, JSON.stringify(changed));
    const exchange = await app.shell.goto('数据交换');
    await exchange.pickPackage(file);
    const bin = app.page.getByTestId('preview-in-bin');
    await bin.getByText('不导入，留在回收站').waitFor();
    await shot(app.page, 'exchange-bin-conflict');
    await app.page.getByTestId('restore-from-bin').click();
    await bin.getByText('恢复并用数据包的').waitFor();
    await exchange.confirm();
    const got = await app.call('activities.get', { id: a.id });
    expect(got).toMatchObject({ title: 'E2E宪法宣传（数据包改）', deletedAt: null });
  });

  it('keeps the chosen year after a reload, and every page follows it', async () => {
    const shell = await imported();
    await shell.selectYear(2023);
    await app.reload();
    await shell.yearLabel().filter({ hasText: '2023年' }).waitFor();
    await shell.goto('人民调解');
    const total = app.page.getByTestId('list-total');
    await total.filter({ hasText: `2023年共 ${count('mediationCases')} 条` }).waitFor();
    await shell.selectYear(new Date().getFullYear());
    await total.filter({ hasText: `${new Date().getFullYear()}年共 0 条` }).waitFor();
    await shell.selectYear(2023);
    await total.filter({ hasText: '2023年共' }).waitFor();
  });

  it('exports the year as a package that holds the same records', async () => {
    const exchange = await (await imported()).goto('数据交换');
    const file = await exchange.export('2023年');
    const path = join(app.dir, file.suggestedFilename());
    await file.saveAs(path);
    const out = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown[]>;
    expect(out.format).toBe('fazhi-ledger-package');
    for (const r of REGISTER_NAMES) expect(out[r]?.length ?? 0).toBe(count(r));
  });
});
