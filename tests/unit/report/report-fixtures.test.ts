// Per fixture: generate the .docx and check every figure, rate, phrase, pattern
// and section of expect.json, that no personal data appears, the GB/T 9704
// layout in the XML, and the acceptance tool (a copy in tests/tools) on the file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureExpect, fixtureNames, fixturePackage, memoryCore, ok, tempDir } from '../../helpers/core.ts';

const CHECK_TOOL = fileURLToPath(new URL('../../tools/check-report.mjs', import.meta.url));
const GOLDEN_DIR = fileURLToPath(new URL('../../golden/', import.meta.url));

/**
 * The one check of the shared tool that fails, on 001 only: its 其中 pattern lacks a
 * digit lookbehind and reads the clerk's own "共148起，其中…48起" as "48起…48起".
 * The clerk's words are printed verbatim (spec), so the report keeps them.
 */
const KNOWN_TOOL_FALSE_POSITIVES: Record<string, string[]> = {
  '001_1434e00058375d6e': ['FAIL no 其中 whose one part equals the total'],
};

function checkTool(file: string, name: string) {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CHECK_TOOL, file, join(FIXTURES_DIR, name, 'expect.json')], { encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  const fails = out.split('\n').filter((l) => l.startsWith('FAIL'));
  const known = KNOWN_TOOL_FALSE_POSITIVES[name] ?? [];
  const unexpected = fails.filter((f) => !known.some((k) => f.startsWith(k)));
  const m = /^(\d+)\/(\d+) checks pass$/.exec(out.trim().split('\n').at(-1) ?? '');
  return { unexpected, passed: m ? Number(m[1]) : 0, total: m ? Number(m[2]) : -1, knownSeen: fails.length - unexpected.length };
}

/** The report as plain text, one paragraph a line (the golden file's form). */
export function reportText(m: import('../../../electron/shared/contract/report.ts').ReportModel): string {
  const out = [...m.titleLines, ...(m.addressee ? [m.addressee] : []), ...m.opening.paragraphs.map((p) => (p.lead ?? '') + p.text)];
  for (const s of m.sections) out.push(s.heading, ...s.paragraphs.map((p) => `${p.source === 'draft' ? '【草稿】' : ''}${p.lead ?? ''}${p.text}`));
  out.push(...m.appendixNote, m.signature, m.date);
  return `${out.join('\n')}\n`;
}
const tmp = tempDir('fazhi-report-');
afterAll(() => tmp.cleanup());

interface Figure {
  what: string;
  value: number;
  unit: string;
  style: 'exact' | 'approx';
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
function paragraphsOf(xml: string): string[] {
  return xml
    .split(/<\/w:p>/)
    .map((p) => decode([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .filter((t) => t.trim() !== '');
}

/** The figure appears as "445件", or for an approximate one "5000余份" within the allowed rounding. */
function figureFound(flat: string, f: Figure): boolean {
  const units = f.unit
    .split('|')
    .map((u) => (u.endsWith('人') ? `${u}(?!次)` : u))
    .join('|');
  const re = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)(万)?(余|多)?(?:${units})`, 'g');
  const step = f.value < 100 ? 10 : f.value < 10000 ? 10 ** (String(f.value).length - 2) : 1000;
  for (const m of flat.matchAll(re)) {
    const v = parseFloat(m[1]) * (m[2] ? 10000 : 1);
    if (!m[3] && v === f.value) return true;
    if (m[3] && f.style === 'approx' && v <= f.value && v > f.value - step) return true;
  }
  return false;
}

async function generate(name: string, appendix = false) {
  const core = memoryCore();
  ok(await core.call('exchange.import', { content: fixturePackage(name) }));
  const exp = fixtureExpect(name);
  const model = ok(await core.call('report.model', { year: exp.year, appendix }));
  const file = ok(await core.call('report.export', { year: exp.year, appendix }));
  core.close();
  const buf = Buffer.from(file.base64, 'base64');
  const zip = await JSZip.loadAsync(buf);
  const read = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d*\.xml$/.test(n))
      .map(read),
  );
  return {
    exp,
    model,
    file,
    buf,
    documentXml: await read('word/document.xml'),
    stylesXml: await read('word/styles.xml'),
    settingsXml: await read('word/settings.xml'),
    fontTableXml: await read('word/fontTable.xml'),
    footers,
  };
}

for (const name of fixtureNames()) {
  describe(`report ${name}`, async () => {
    const r = await generate(name);
    const paras = paragraphsOf(r.documentXml);
    const flat = paras.join('').replace(/\s+/g, '');

    it('names the file 简称 + year', () => {
      const pkg = JSON.parse(fixturePackage(name));
      expect(r.file.fileName).toBe(`${pkg.township.name}${r.exp.year}年法治政府建设情况报告.docx`);
    });

    it('has the title and the five sections in order', () => {
      expect(paras.slice(0, 3).join('')).toContain(`关于${r.exp.year}年法治政府建设情况的报告`);
      let last = -1;
      (r.exp.sections as string[]).forEach((word, i) => {
        const at = paras.findIndex((p, k) => k > last && p.startsWith(`${'一二三四五'[i]}、`) && p.includes(word));
        expect(at, word).toBeGreaterThan(last);
        last = at;
      });
      const tail = paras.slice(last + 1);
      expect(tail).toContain(r.exp.authority);
      if (r.exp.reportDate) expect(tail).toContain(r.exp.reportDate);
    });

    it('states every figure of expect.json', () => {
      const missing = (r.exp.figures as Figure[]).filter((f) => !figureFound(flat, f)).map((f) => `${f.what} ${f.value}`);
      expect(missing).toEqual([]);
    });

    it("states the rates, patterns and the clerk's phrases", () => {
      for (const p of r.exp.percents ?? [])
        expect(
          p.split('|').some((x: string) => flat.includes(x)),
          p,
        ).toBe(true);
      for (const p of r.exp.patterns ?? []) expect(flat).toMatch(new RegExp(p));
      for (const p of r.exp.phrases ?? []) expect(flat).toContain(p.replace(/\s+/g, ''));
    });

    it('carries no party name or case summary', () => {
      const leaked = (r.exp.absent as string[]).filter((s) => flat.includes(s));
      expect(leaked).toEqual([]);
      expect(r.documentXml).not.toMatch(/因[^<]{0,12}发生纠纷/);
    });

    it('is laid out per GB/T 9704', () => {
      const x = r.documentXml;
      expect(x).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(x).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(x).not.toMatch(/linesAndChars/);
      expect(x + r.stylesXml).toMatch(/<w:spacing(?=[^>]*w:line="579")(?=[^>]*w:lineRule="exact")[^>]*\/>/);
      expect(r.stylesXml).not.toMatch(/lineRule="exactly"/);
      // Normal: 仿宋 as eastAsia with the hint, 16 pt, −0.25 pt spacing
      const normal = r.stylesXml.match(/<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/)?.[0] ?? '';
      expect(normal).toMatch(/w:eastAsia="仿宋_GB2312"/);
      expect(normal).toMatch(/w:hint="eastAsia"/);
      expect(normal).toMatch(/w:ascii="Times New Roman"/);
      expect(normal).toMatch(/<w:sz w:val="32"\/>/);
      expect(normal).toMatch(/<w:spacing w:val="-6"\/>/);
      // docDefaults also carry the Chinese font
      expect(r.stylesXml).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<\/w:docDefaults>/);
      const style = (id: string) => r.stylesXml.match(new RegExp(`w:styleId="${id}">[\\s\\S]*?</w:style>`))?.[0] ?? '';
      expect(style('ReportTitle')).toMatch(/w:eastAsia="方正小标宋简体"/);
      expect(style('ReportTitle')).toMatch(/<w:sz w:val="44"\/>/);
      expect(style('ReportTitle')).toMatch(/<w:jc w:val="center"\/>/);
      expect(style('SectionHeading')).toMatch(/w:eastAsia="黑体"/);
      expect(style('SectionHeading')).toMatch(/<w:outlineLvl w:val="0"\/>/);
      expect(style('Body')).toMatch(/w:firstLine="640"/);
      expect(style('Body')).toMatch(/w:firstLineChars="200"/);
      expect(x).toMatch(/w:eastAsia="楷体_GB2312"/);
      // 一、 headings use the heading style; the title uses the title style
      expect(x).toMatch(/<w:pStyle w:val="SectionHeading"\/>[\s\S]*?一、/);
      // footers: odd right, even left, "— PAGE —" in 4号宋体
      expect(r.settingsXml).toMatch(/<w:evenAndOddHeaders\/>/);
      expect(x).toMatch(/<w:footerReference w:type="default"/);
      expect(x).toMatch(/<w:footerReference w:type="even"/);
      expect(r.footers).toHaveLength(2);
      for (const f of r.footers) {
        expect(f).toMatch(/PAGE/);
        expect(f).toContain('— ');
        expect(f).toMatch(/<w:sz w:val="28"\/>/);
        expect(f).toMatch(/w:eastAsia="宋体"/);
      }
      expect(r.footers.some((f) => /<w:jc w:val="right"\/>/.test(f))).toBe(true);
      expect(r.footers.some((f) => /<w:jc w:val="left"\/>/.test(f))).toBe(true);
      // substitutes for fonts Windows lacks
      expect(r.fontTableXml).toMatch(/w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
      expect(r.fontTableXml).toMatch(/w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
      expect(r.fontTableXml).toMatch(/w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    });

    it('reads as the golden text (read sentence by sentence as a reviewer)', () => {
      const golden = join(GOLDEN_DIR, `${name}.txt`);
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, reportText(r.model));
      expect(reportText(r.model)).toBe(readFileSync(golden, 'utf8'));
    });

    it('keeps the last body paragraph, the blank lines and the 落款 together (keepNext chain)', () => {
      const ps = r.documentXml.split('</w:p>');
      const sealAt = ps.findIndex((p) => p.includes(`>${r.exp.authority}</w:t>`) && /<w:jc w:val="right"\/>/.test(p));
      expect(sealAt).toBeGreaterThan(0);
      // the 落款 and the three paragraphs before it (last body paragraph, two blank lines) keep with the next
      for (const p of ps.slice(sealAt - 3, sealAt + 1)) expect(p).toMatch(/<w:keepNext\/>/);
    });

    it('passes the acceptance tool', () => {
      const file = join(tmp.dir, `${name}.docx`);
      writeFileSync(file, r.buf);
      const c = checkTool(file, name);
      expect(c.unexpected).toEqual([]);
      expect(c.passed + c.knownSeen).toBe(c.total);
    });

    it('passes the acceptance tool with the appendix too, tables repeating their header row', async () => {
      const a = await generate(name, true);
      expect(a.model.appendix.length).toBeGreaterThan(0);
      expect(a.documentXml).toMatch(/<w:tbl>/);
      expect(a.documentXml).toMatch(/<w:tblHeader\/>/);
      expect(a.documentXml).not.toMatch(/FZAPPENDIX/);
      // dates never wrap; the 合计 row keeps with the rows above it
      expect(a.documentXml).toMatch(/<w:noWrap\/>/);
      expect(a.documentXml).toMatch(/<w:keepNext\/>[\s\S]*?合计/);
      expect(paragraphsOf(a.documentXml)).toContain('附件1');
      const file = join(tmp.dir, `${name}-appendix.docx`);
      writeFileSync(file, a.buf);
      const c = checkTool(file, name);
      expect(c.unexpected).toEqual([]);
      expect(c.passed + c.knownSeen).toBe(c.total);
      const flatA = paragraphsOf(a.documentXml).join('');
      for (const s of a.exp.absent as string[]) expect(flatA).not.toContain(s);
    });
  });
}
