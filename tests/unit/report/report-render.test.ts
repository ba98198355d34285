// Each fixture report rendered by LibreOffice (→ PDF → text per page): the 落款 is
// never alone on its page and keeps the 附件说明 with it, appendix dates never
// wrap, and a 合计 row never stands alone at the top of a page. Runs where
// `soffice` and `pdftotext` exist; says so loudly when skipped.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../electron/shared/contract/report.ts';
import { fixtureExpect, fixtureNames, fixturePackage, memoryCore, ok, tempDir } from '../../helpers/core.ts';

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const canRender = has('soffice') && has('pdftotext');
if (!canRender) {
  console.warn(
    '\n**********************************************************************\n' +
      '* SKIPPED: report render test — soffice (libreoffice-writer-nogui) or\n' +
      '* pdftotext (poppler-utils) not installed; the 落款/附件/table layout\n' +
      '* is NOT verified on this machine.\n' +
      '**********************************************************************\n',
  );
}

const tmp = tempDir('fazhi-render-');
afterAll(() => tmp.cleanup());

const paragraphsOf = (m: ReportModel) => [m.opening, ...m.sections].flatMap((s) => s.paragraphs.map((p) => (p.lead ?? '') + p.text));
let lastModel: ReportModel | null = null;

async function render(name: string, appendix: boolean): Promise<string[]> {
  const core = memoryCore();
  ok(await core.call('exchange.import', { content: fixturePackage(name) }));
  lastModel = ok(await core.call('report.model', { year: fixtureExpect(name).year, appendix }));
  const f = ok(await core.call('report.export', { year: fixtureExpect(name).year, appendix }));
  core.close();
  const base = `${name}-${appendix ? 'a' : 'b'}`;
  const docx = join(tmp.dir, `${base}.docx`);
  writeFileSync(docx, Buffer.from(f.base64, 'base64'));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp.dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', tmp.dir, docx], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  execFileSync('pdftotext', ['-layout', join(tmp.dir, `${base}.pdf`), join(tmp.dir, `${base}.txt`)]);
  return readFileSync(join(tmp.dir, `${base}.txt`), 'utf8').split('\f');
}

const lines = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^—\s*\d+\s*—$/.test(l));

describe.skipIf(!canRender)('report rendered by LibreOffice', () => {
  for (const name of fixtureNames()) {
    it(`${name}: the 落款 shares its page with body text, and the 附件说明 with it`, { timeout: 240_000 }, async () => {
      const authority = fixtureExpect(name).authority as string;
      for (const appendix of [false, true]) {
        const pages = await render(name, appendix);
        // every paragraph whole in the PDF: no 、，。 lost at the end of a full 28-character line
        const flat = pages
          .join('')
          .replace(/—\s*\d+\s*—/g, '')
          .replace(/\s+/g, '');
        const lost = paragraphsOf(lastModel!)
          .map((p) => p.replace(/\s+/g, ''))
          .filter((p) => !flat.includes(p));
        expect(
          lost.map((p) => p.slice(0, 30)),
          `${name}: paragraphs not found whole in the PDF`,
        ).toEqual([]);
        const at = pages.findLastIndex((p) => lines(p).some((l) => l.replace(/\s+/g, '') === authority));
        expect(at, `${name}: 落款 found`).toBeGreaterThanOrEqual(0);
        const before = lines(pages[at]).filter((l) => l.replace(/\s+/g, '') !== authority && !/^\d{4}\s*年/.test(l));
        expect(before.length, `${name}: body lines on the 落款's page`).toBeGreaterThanOrEqual(2);
        if (appendix) {
          expect(
            lines(pages[at]).some((l) => l.startsWith('附件：')),
            `${name}: 附件说明 on the 落款's page`,
          ).toBe(true);
          // appendix pages: no date cut in two ("2025-01-" / "05"), no page opening with the 合计 row
          const rest = pages.slice(at + 1);
          for (const p of rest) {
            expect(p).not.toMatch(/\d{4}-\d{2}-\s*$/m);
            const body = lines(p).filter((l) => !/^(日期|序号)/.test(l));
            expect(body[0] ?? '', `${name}: a page opening with 合计`).not.toMatch(/^合计/);
          }
        }
      }
    });
  }
});
