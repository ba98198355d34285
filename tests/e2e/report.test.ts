// 年度报告 in Chromium: edit a clerk text in place, see it autosaved and in the
// preview, export Word, unzip the download and find the edit in document.xml.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText, hasChromium, useApp } from './harness.ts';

const YEAR = 2023;

describe.skipIf(!hasChromium)('年度报告', () => {
  const app = useApp({ fixture: '000_3b1c3260cd606f40', year: YEAR });

  it('shows generated sections, drafts and warnings for the year', async () => {
    const report = await app.shell.goto('年度报告');
    await report.section('measures').getByText('全年开展普法宣传活动23场次').first().waitFor();
    await report.section('measures').getByText('调解成功率98.9%').first().waitFor();
    // 第一责任人 has no clerk text: a draft, marked, and named in the 审稿 list
    await report.section('leaderDuties').getByText('草稿，尚未修改').waitFor();
    await report.warnings.getByText('仍是系统生成的草稿').first().waitFor();
    // the clerk's 98.8% against the ledger's 98.9%
    await report.warnings.getByText('台账的调解成功率为98.9%').first().waitFor();
    // the clerk's own 不足 text is there verbatim
    expect(await report.narrative('shortcomings').inputValue()).toContain('要进一步加强习近平法治思想的学习');
  });

  it('autosaves an edit, previews it and exports it to Word', async () => {
    const report = await app.shell.goto('年度报告');
    const marker = '三是基层执法力量E2E测试段落需要充实。';
    const box = report.narrative('shortcomings');
    const before = await box.inputValue();
    await box.fill(`${before}\n${marker}`);
    await report.waitSaved();
    expect((await app.call('years.getProfile', { year: YEAR })).narrative.shortcomings).toContain(marker);

    // the leader-duties draft, once edited, is no longer a draft
    await report.narrative('leaderDuties').fill('镇党委书记、镇长带头履行推进法治建设第一责任人职责。');
    await report.waitSaved();
    await report.section('leaderDuties').getByText('已填写').waitFor();

    // a measure area's title and text, autosaved beside its figures
    await report.measure('title', 'openness').fill('推进政务公开，建设阳光政府');
    await report.measure('text', 'openness').fill('建成镇便民服务中心政务公开专区。');
    await report.waitSaved();
    const p2 = await app.call('years.getProfile', { year: YEAR });
    expect(p2.measureTitles.openness).toBe('推进政务公开，建设阳光政府');
    expect(p2.measures.openness).toBe('建成镇便民服务中心政务公开专区。');

    const preview = await report.openPreview();
    await preview.getByText(marker).waitFor();
    await preview.getByText('永安市小陶镇人民政府', { exact: true }).first().waitFor();
    await report.openEditor();

    // no draft left, 成文日期 given: export goes straight through
    const download = await report.exportWord();
    expect(download.suggestedFilename()).toBe(`小陶镇${YEAR}年法治政府建设情况报告.docx`);
    const file = join(app.dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = await docxText(file);
    expect(text).toContain(marker);
    expect(text).toContain('镇党委书记、镇长带头履行推进法治建设第一责任人职责。');
    expect(text).toContain('全年开展普法宣传活动23场次');
    // the clerk's measureOrder puts 政务公开 third in this township's report
    expect(text).toContain('（三）推进政务公开，建设阳光政府。');
    expect(text).not.toContain('王海波');
  });
});
