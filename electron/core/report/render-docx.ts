// The annual report as a .docx laid out per GB/T 9704-2012 (党政机关公文格式),
// with the docx 9 pitfalls of shared/spec/annual-report.md worked around.
// Appendix tables are written as raw WordprocessingML (docx's own tables cost
// ~0.5 ms a row and a lot of memory) and spliced into document.xml.
import { Document, Packer, Paragraph } from 'docx';
import { randomBytes } from 'node:crypto';
import { loadJSZip } from '../util/load-on-use.ts';
import type { ReportModel } from '../../shared/contract/report.ts';
import {
  bodyParagraph,
  emptyLine,
  fontTableXml,
  pageFooter,
  reportPageProperties,
  reportStyles,
  run,
  signatureBlock,
  spliceParagraph,
  tableXml,
  xmlSafeModel,
} from '../docx/layout.ts';

/**
 * The placeholder paragraph an appendix table replaces: a per-render random token,
 * so no text of the report (a clerk may type anything) can stand for it.
 */
export const appendixMarker = (nonce: string, k: number) => `FZAPPENDIX${nonce}N${k}`;

export function buildDocument(model: ReportModel, nonce = ''): Document {
  const children: Paragraph[] = [];
  for (const line of model.titleLines) {
    children.push(new Paragraph({ style: 'ReportTitle', children: [run(line)] }));
  }
  children.push(emptyLine());
  if (model.addressee) {
    // 主送机关: 顶格, one line under the title
    children.push(new Paragraph({ style: 'Body', indent: { firstLine: 0, firstLineChars: 0 }, children: [run(model.addressee)] }));
  }
  for (const p of model.opening.paragraphs) children.push(bodyParagraph(p));
  const sections = model.sections;
  sections.forEach((sec, si) => {
    children.push(new Paragraph({ style: 'SectionHeading', children: [run(sec.heading)] }));
    // the last body paragraph keeps with the 附件说明 and the 落款 (never a 落款 alone on a page)
    sec.paragraphs.forEach((p, pi) => children.push(bodyParagraph(p, si === sections.length - 1 && pi === sec.paragraphs.length - 1)));
  });
  if (model.appendixNote.length) {
    children.push(emptyLine(true));
    model.appendixNote.forEach((line) => {
      children.push(new Paragraph({ style: 'Body', keepNext: true, keepLines: true, children: [run(line)] }));
    });
  }
  children.push(...signatureBlock(model.signature, model.date));
  model.appendix.forEach((t, k) => {
    children.push(
      new Paragraph({
        style: 'SectionHeading',
        pageBreakBefore: true,
        indent: { firstLine: 0, firstLineChars: 0 },
        outlineLevel: 0,
        children: [run(t.label)],
      }),
    );
    children.push(emptyLine());
    children.push(new Paragraph({ style: 'ReportTitle', children: [run(t.title)] }));
    children.push(emptyLine());
    children.push(new Paragraph({ children: [run(appendixMarker(nonce, k))] }));
  });

  return new Document({
    creator: model.authority || '法治台账',
    title: model.title,
    description: `${model.year}年法治政府建设情况报告`,
    evenAndOddHeaderAndFooters: true,
    styles: reportStyles(),
    sections: [
      {
        properties: reportPageProperties(),
        footers: { default: pageFooter(true), even: pageFooter(false) },
        children,
      },
    ],
  });
}

/** The finished .docx. */
export async function renderReportDocx(input: ReportModel): Promise<Buffer> {
  const model = xmlSafeModel(input);
  const nonce = randomBytes(9).toString('hex');
  const doc = buildDocument(model, nonce);
  const overrides = [{ path: 'word/fontTable.xml', data: fontTableXml() }];
  const buf = await Packer.toBuffer(doc, false, overrides);
  if (!model.appendix.length) return buf;
  // only a report with the appendix opens the zip again: jszip loads for it alone
  const JSZip = await loadJSZip();
  const zip = await JSZip.loadAsync(buf);
  let xml = await zip.file('word/document.xml')!.async('string');
  // from the last table back, so each placeholder is still where it was put
  for (let k = model.appendix.length - 1; k >= 0; k--) xml = spliceParagraph(xml, appendixMarker(nonce, k), tableXml(model.appendix[k]));
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
