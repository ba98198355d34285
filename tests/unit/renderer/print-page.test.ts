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
});
