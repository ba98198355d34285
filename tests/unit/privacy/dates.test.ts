// Dates are real calendar dates everywhere: the CLI's --date options, the API's
// date inputs, record fields; case-doc --out at a folder is a clear Chinese error.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index.ts';
import { createCore } from '../../../electron/core/index.ts';
import { cliOutput, err, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

const BAD_DATES = ['2025-12-32', '2023-02-29', '2025-13-01', '2025-00-10'];

describe('calendar dates everywhere', () => {
  const cli = cliOutput();
  const db = () => join(cli.dir, 'l.db');

  it.each(BAD_DATES)('the CLI refuses --date %s in Chinese, naming the option', async (d) => {
    expect(await runCli(['demo', '--year', '2025', '--db', db()])).toBe(0);
    cli.errs.length = 0;
    expect(await runCli(['reminders', '--date', d, '--db', db()])).toBe(2);
    expect(cli.errs.join('\n')).toContain(`--date（以哪一天为今天）不是有效日期：“${d}”`);
    cli.errs.length = 0;
    expect(await runCli(['openness-report', '--year', '2025', '--out', join(cli.dir, 'o.docx'), '--date', d, '--db', db()])).toBe(1);
    expect(cli.errs.join('\n')).toContain(`--date（成文日期）不是有效日期：“${d}”`);
    expect(cli.errs.join('\n')).not.toContain('程序内部错误');
    cli.errs.length = 0;
    expect(await runCli(['report', '--year', '2025', '--out', join(cli.dir, 'r.docx'), '--date', d, '--db', db()])).toBe(1);
    expect(cli.errs.join('\n')).toContain('成文日期应为有效日期');
  });

  it('the API refuses them in every date input and record field', async () => {
    const core = memoryCore();
    for (const d of BAD_DATES) {
      expect(err(await core.call('reminders.list', { date: d })).message).toContain('不是有效日期');
      expect(err(await core.call('openness.model', { year: 2025, date: d })).message).toContain('不是有效日期');
      expect(err(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, acceptedOn: d } })).message).toContain(
        '「受理日期」不是有效日期',
      );
    }
    // the edges of the range still read as days, never 「还有NaN天」
    for (const d of ['2000-01-01', '2100-12-31', '2099-12-31']) {
      const r = ok(await core.call('reminders.list', { date: d }));
      expect(JSON.stringify(r)).not.toContain('NaN');
    }
    core.close();
  });

  it('case-doc --out at a folder or a missing folder: a clear Chinese error, no file', async () => {
    expect(await runCli(['demo', '--year', '2025', '--db', db()])).toBe(0);
    const folder = join(cli.dir, 'docs');
    mkdirSync(folder);
    cli.errs.length = 0;
    const core = createCore({ dbPath: db() });
    const caseRef = (core.ctx.db.prepare('SELECT id FROM mediation_cases LIMIT 1').get() as { id: string }).id;
    core.close();
    expect(await runCli(['case-doc', '--case', caseRef, '--kind', 'cover', '--out', folder, '--db', db()])).toBe(1);
    expect(cli.errs.join('\n')).toMatch(/--out 应为文件，“.*docs”是一个文件夹。请写出文件名，例如 --out .*卷宗封面.*\.docx/);
    cli.errs.length = 0;
    expect(await runCli(['case-doc', '--case', caseRef, '--kind', 'cover', '--out', join(cli.dir, 'nope', 'a.docx'), '--db', db()])).toBe(1);
    expect(cli.errs.join('\n')).toContain('输出文件夹不存在');
  });
});
