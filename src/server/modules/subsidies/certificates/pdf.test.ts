import { describe, expect, test } from 'vitest';
import { emWidth, renderPdf, wrap } from './pdf.ts';
import { checkPdfStructure } from './pdfCheck.testkit.ts';

describe('renderPdf', () => {
  test('a well-formed file whose text is the UCS-2 of the Chinese, in a predefined CJK font', () => {
    const pdf = renderPdf({
      title: '证明',
      author: 'tuoyu',
      texts: [{ x: 72, y: 770, size: 18, text: '托育机构 ABC-123', bold: true }],
      lines: [{ x1: 72, y1: 760, x2: 523, y2: 760 }],
    });
    const text = checkPdfStructure(pdf);
    expect(text).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    expect(text).toContain(`<${Buffer.from('托育机构 ABC-123', 'utf16le').swap16().toString('hex').toUpperCase()}> Tj`);
  });

  test('wraps by width: Chinese a full em, ASCII half', () => {
    expect(emWidth('托育AB')).toBe(3);
    expect(wrap('一二三四五六七', 3)).toEqual(['一二三', '四五六', '七']);
    expect(wrap('ABCDEF', 2)).toEqual(['ABCD', 'EF']);
  });
});
