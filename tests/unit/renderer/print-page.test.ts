// Browser and desktop printing number the pages: an @page bottom margin box (Chromium ≥ 131).
import { describe, expect, it } from 'vitest';
import { pageRule } from '@/print/print.ts';

describe('print page rule', () => {
  it('puts 第 N 页，共 M 页 at the foot of every page, on A4 with the given margins', () => {
    expect(pageRule({ landscape: true })).toBe(
      '@page { size: A4 landscape; margin: 12mm 12mm; @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; color: #000; } }',
    );
    expect(pageRule({ margin: '37mm 26mm 35mm 28mm' })).toMatch(
      /^@page \{ size: A4 portrait; margin: 37mm 26mm 35mm 28mm; @bottom-center \{ content: "第 " counter\(page\)/,
    );
    expect(pageRule({ pageNumbers: false })).toBe('@page { size: A4 portrait; margin: 20mm 18mm; }');
  });

  it("the report's own 打印 numbers its pages as the Word file does: 「— N —」, odd pages right, even pages left (GB/T 9704)", () => {
    const rule = pageRule({ margin: '37mm 26mm 35mm 28mm', pageNumbers: 'official' });
    expect(rule).toMatch(/^@page \{ size: A4 portrait; margin: 37mm 26mm 35mm 28mm; \}/);
    expect(rule).not.toContain('第 ');
    expect(rule).toContain('@page :right { @bottom-right { content: "— " counter(page) " —";');
    expect(rule).toContain('@page :left { @bottom-left { content: "— " counter(page) " —";');
    // 4号 (14 pt), one character in from the text block, 7 mm below it
    expect(rule.match(/font-size: 14pt/g)).toHaveLength(2);
    expect(rule).toContain('padding-right: 14pt');
    expect(rule).toContain('padding-left: 14pt');
    expect(rule.match(/padding-top: 7mm/g)).toHaveLength(2);
  });
});
