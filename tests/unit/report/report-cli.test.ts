// The CLI's report command: writes the .docx, exit 1 with a Chinese message on bad input, UsageError on bad usage.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseArgs, UsageError } from '../../../electron/shared/cli-args.ts';
import { reportCommand } from '../../../electron/cli/commands/report.ts';
import { fixturePackage, memoryCore, ok, tempDir } from '../../helpers/core.ts';

const tmp = tempDir('fazhi-report-cli-');
afterAll(() => tmp.cleanup());
const args = (...a: string[]) => parseArgs(a, ['year', 'out', 'date']);

describe('report command', () => {
  it('writes the report, with the appendix when asked', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('002_b806baa4f7d74a32') }));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = join(tmp.dir, 'r.docx');
    expect(await reportCommand(core, args('--year', '2020', '--out', out, '--appendix'))).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(log.mock.calls.flat().join('')).toContain('已生成');
    const stderr = warn.mock.calls.flat().join('\n');
    expect(stderr).toContain('审稿');
    expect(stderr).toContain('[请核对] 台账中没有2020年的行政复议、行政诉讼案件');
    expect(stderr).toContain('还没有填写成文日期');
    log.mockRestore();
    warn.mockRestore();
    core.close();
  });

  it('--date is for that document only (the stored 成文日期 stays); before 1 December it is refused; a bad date exits 1', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('002_b806baa4f7d74a32') }));
    const stored = ok(await core.call('years.getProfile', { year: 2020 })).reportDate;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = join(tmp.dir, 'd.docx');
    expect(await reportCommand(core, args('--year', '2020', '--out', out, '--date', '2021-01-12'))).toBe(0);
    expect(ok(await core.call('years.getProfile', { year: 2020 })).reportDate).toBe(stored);
    expect(ok(await core.call('report.model', { year: 2020, date: '2021-01-12' })).date).toBe('2021年1月12日');
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('2021年1月12日');
    // a 2020 report dated 2019年5月1日 or 2020年6月1日 cannot be right
    for (const early of ['2019-05-01', '2020-06-01']) {
      warn.mockClear();
      expect(await reportCommand(core, args('--year', '2020', '--out', join(tmp.dir, 'early.docx'), '--date', early))).toBe(1);
      expect(warn.mock.calls.flat().join('\n')).toContain('早于2020年12月1日');
    }
    expect(existsSync(join(tmp.dir, 'early.docx'))).toBe(false);
    expect(ok(await core.call('years.getProfile', { year: 2020 })).reportDate).toBe(stored);
    // after 31 March of the next year: printed, with a warning
    warn.mockClear();
    expect(await reportCommand(core, args('--year', '2020', '--out', out, '--date', '2021-05-10'))).toBe(0);
    expect(warn.mock.calls.flat().join('\n')).toContain('晚于2021年3月31日');
    expect(await reportCommand(core, args('--year', '2020', '--out', out, '--date', '2021-02-30'))).toBe(1);
    expect(warn.mock.calls.flat().join('\n')).toContain('成文日期应为有效日期');
    log.mockRestore();
    warn.mockRestore();
    core.close();
  });

  it('exits 1 with the personal-data list and writes nothing', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('002_b806baa4f7d74a32') }));
    ok(await core.call('years.saveProfile', { year: 2020, measures: { publicity: '联系人电话13912345678。' } }));
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = join(tmp.dir, 'blocked.docx');
    expect(await reportCommand(core, args('--year', '2020', '--out', out))).toBe(1);
    const stderr = warn.mock.calls.flat().join('\n');
    expect(stderr).toContain('报告中会出现个人信息，未生成文件');
    expect(stderr).toContain('2020年报告文字的“普法宣传”含有手机号码');
    expect(stderr).not.toContain('13912345678');
    expect(existsSync(out)).toBe(false);
    warn.mockRestore();
    core.close();
  });

  it('exits 1 with a Chinese message on a bad output path', async () => {
    const core = memoryCore();
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await reportCommand(core, args('--year', '2020', '--out', join(tmp.dir, 'nope', 'r.docx')))).toBe(1);
    expect(await reportCommand(core, args('--year', '2020', '--out', join(tmp.dir, 'r.txt')))).toBe(1);
    expect(err.mock.calls.flat().join('\n')).toMatch(/输出文件夹不存在[\s\S]*应以 \.docx 结尾/);
    err.mockRestore();
    core.close();
  });

  it('throws UsageError without --year or --out', async () => {
    const core = memoryCore();
    await expect(reportCommand(core, args('--out', 'x.docx'))).rejects.toBeInstanceOf(UsageError);
    await expect(reportCommand(core, args('--year', '2020'))).rejects.toBeInstanceOf(UsageError);
    await expect(reportCommand(core, args('--year', '1999', '--out', 'x.docx'))).rejects.toBeInstanceOf(UsageError);
    core.close();
  });
});
