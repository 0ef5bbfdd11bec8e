import jsQR from 'jsqr';
import { describe, expect, test } from 'vitest';
import { certificateFont, subsetFont, tableDirectory } from './cjkFont.ts';
import { emWidth, type PdfRect, renderPdf, wrap } from './pdf.ts';
import { checkPdfStructure, pdfLines } from './pdfCheck.testkit.ts';
import { qrRects } from './qr.ts';

/** The squares as a scanner would see them printed: white paper, black where a square covers a pixel's centre. */
function scan(rects: PdfRect[], size: number) {
  const px = 3;
  const side = size * px;
  const image = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const r of rects) {
    for (let row = 0; row < side; row++) {
      const y = size - (row + 0.5) / px;
      if (y < r.y || y > r.y + r.h) continue;
      for (let col = 0; col < side; col++) {
        const x = (col + 0.5) / px;
        if (x >= r.x && x <= r.x + r.w) image.fill(0, (row * side + col) * 4, (row * side + col) * 4 + 3);
      }
    }
  }
  return jsQR(image, side, side)?.data;
}

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

  test('a QR code drawn as squares scans back to its address, and the page carries it', () => {
    const url = 'https://tuoyu.example/verify/training-certificates#ABCD2345EFGH';
    const rects = qrRects(url, 0, 0, 120);
    expect(scan(rects, 120)).toBe(url);
    expect(rects.every((r) => r.x >= 0 && r.y >= 0 && r.x + r.w <= 120 && r.y + r.h <= 120)).toBe(true);
    const pdf = renderPdf({ title: '证书', author: 'tuoyu', texts: [{ x: 72, y: 770, size: 12, text: '证书' }], rects });
    checkPdfStructure(pdf);
    expect(pdf.toString('latin1')).toMatch(/ re f\n/);
  });
});
