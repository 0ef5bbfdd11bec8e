import { describe, expect, test } from 'vitest';
import { certificateFont, subsetFont, tableDirectory } from './cjkFont.ts';
import { emWidth, renderPdf, wrap } from './pdf.ts';
import { checkPdfStructure, pdfLines } from './pdfCheck.testkit.ts';

describe('renderPdf', () => {
  test('a well-formed file that embeds only the glyphs it shows, and reads back as the same text', () => {
    const pdf = renderPdf({
      title: '证明',
      author: 'tuoyu',
      texts: [{ x: 72, y: 770, size: 18, text: '托育机构 ABC-123', bold: true }],
      lines: [{ x1: 72, y1: 760, x2: 523, y2: 760 }],
    });
    const text = checkPdfStructure(pdf);
    expect(text).toMatch(/\/Subtype \/CIDFontType2 \/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(text).toMatch(/\/FontFile2 8 0 R/);
    expect(pdfLines(pdf)).toEqual(['托育机构 ABC-123']);
    expect(pdf.length).toBeLessThan(20_000);
  });

  test('the cut font is a TrueType file with just those glyphs and their widths', () => {
    const subset = subsetFont(certificateFont(), '托育托A');
    const tables = tableDirectory(subset.file);
    expect([...tables.keys()]).toEqual(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']);
    expect(subset.file.readUInt16BE((tables.get('maxp')?.offset as number) + 4)).toBe(4);
    expect(subset.widths).toHaveLength(4);
    expect([subset.cidOf('托'), subset.cidOf('育'), subset.cidOf('A')]).toEqual([1, 2, 3]);
    expect(subset.widths[1]).toBe(1000);
    expect(subset.cidOf('𠀀')).toBe(0);
  });

  test('wraps by the font’s widths, never inside a credit code or a number', () => {
    expect(emWidth('托育')).toBe(2);
    expect(wrap('一二三四五六七', 3)).toEqual(['一二三', '四五六', '七']);
    const code = '91320700MA1XYZ1234';
    const lines = wrap(`统一社会信用代码：${code}，地址`, 12);
    expect(lines.filter((l) => /[0-9A-Z]/.test(l))).toEqual([code + lines.find((l) => l.startsWith(code))?.slice(code.length)]);
    expect(lines.join('')).toBe(`统一社会信用代码：${code}，地址`);
    expect(wrap('一二三》四', 3)).toEqual(['一二三》', '四']);
  });
});
