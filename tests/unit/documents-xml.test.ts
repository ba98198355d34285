// Every document writer goes through the one XML-safe cleaning (util/xml-safe.ts):
// every text field of every register, the parties list, the 回访, the report
// texts, the 政务公开年报's texts and the township's names hold control characters
// (Word's Shift+Enter pastes \u000b), and every document still opens: each XML part
// of each .docx/.xlsx parses without an error or a warning.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportExcel } from '../../electron/core/excel/export.ts';
import { XML_ILLEGAL } from '../../electron/core/util/xml-safe.ts';
import { REGISTERS, REGISTER_NAMES } from '../../electron/shared/registers.ts';
import { memoryCore, ok, SAMPLES } from '../helpers/core.ts';

const BAD = '甲\u000b乙\u0001丙\u0008丁\u000c戊\u001f己\ufffe庚\uffff辛';

async function parts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) out[name] = await zip.file(name)!.async('string');
  return out;
}

function parses(what: string, xml: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (msg: string) => void problems.push(`warning: ${msg}`),
      error: (msg: string) => void problems.push(`error: ${msg}`),
      fatalError: (msg: string) => void problems.push(`fatal: ${msg}`),
    },
  }).parseFromString(xml, 'text/xml');
  expect(problems, what).toEqual([]);
  expect(doc.documentElement, what).toBeTruthy();
  // the parser is lenient with control characters: Word and LibreOffice are not
  expect(xml.match(XML_ILLEGAL), what).toBeNull();
}

describe('every document opens whatever its texts hold', () => {
  it('report, 政务公开年报, the four case documents and every register’s Excel', async () => {
    const core = memoryCore();
    const db = core.ctx.db;
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '平安县清河镇人民政府' } }));
    for (const r of REGISTER_NAMES) ok(await core.call(`${r}.create` as 'activities.create', { record: SAMPLES[r] as never }));
    // the worst case: written straight into the database, past every form and import
    for (const r of REGISTER_NAMES) {
      const def = REGISTERS[r];
      for (const f of def.fields) {
        if (f.type === 'text' || f.type === 'longtext') db.prepare(`UPDATE ${def.table} SET ${f.column} = ?`).run(`${f.label}${BAD}`);
      }
    }
    db.prepare('UPDATE mediation_cases SET party_list = ?, follow_ups = ?, agreement = ?').run(
      JSON.stringify([
        { role: 'applicant', name: `甲${BAD}`, address: `住址${BAD}`, occupation: `职业${BAD}`, ethnicity: `汉${BAD}`, phone: `电话${BAD}` },
        { role: 'respondent', name: `乙${BAD}` },
      ]),
      JSON.stringify([{ date: '2024-04-20', by: `回访人${BAD}`, performed: `履行${BAD}`, opinion: `意见${BAD}` }]),
      'written',
    );
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(
      JSON.stringify({ name: `清河镇${BAD}`, authority: `平安县清河镇人民政府${BAD}` }),
      'township',
    );
    ok(
      await core.call('years.saveProfile', {
        year: 2024,
        narrative: { intro: `开头${BAD}`, other: `其他${BAD}`, measures: { publicity: `做法${BAD}` }, measureTitles: { publicity: `小标题${BAD}` } },
        openness: { feesCharged: `收费${BAD}`, narrative: { problems: `问题${BAD}` } },
      } as never),
    );
    const docs: [string, Buffer][] = [];
    const report = ok(await core.call('report.export', { year: 2024, appendix: true }));
    docs.push(['report', Buffer.from(report.base64, 'base64')]);
    const openness = ok(await core.call('openness.export', { year: 2024 }));
    docs.push(['openness', Buffer.from(openness.base64, 'base64')]);
    const id = (db.prepare('SELECT id FROM mediation_cases').get() as { id: string }).id;
    for (const kind of ['register', 'agreement', 'followup', 'cover'] as const) {
      docs.push([kind, Buffer.from(ok(await core.call('cases.document', { id, kind })).base64, 'base64')]);
    }
    for (const r of REGISTER_NAMES) docs.push([r, (await exportExcel(core.ctx, r, { year: 2024 })).bytes]);
    for (const [what, bytes] of docs) {
      const xml = await parts(bytes);
      expect(Object.keys(xml).length, what).toBeGreaterThan(2);
      for (const [name, text] of Object.entries(xml)) parses(`${what} ${name}`, text);
    }
    // Shift+Enter became a line break in the case documents, not a lost character
    const agreement = await parts(docs[3][1]);
    expect(agreement['word/document.xml']).toMatch(/甲<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>乙丙丁/);
    core.close();
  });
});
