import { expect } from 'vitest';

/** Checks the cross-reference table: each entry points at "N 0 obj", each stream's length is right, startxref at "xref". */
export function checkPdfStructure(pdf: Buffer) {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.7\n')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  for (const [i, offset] of entries.entries()) expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  for (const m of text.matchAll(/\/Length (\d+)[^>]*>>\nstream\n/g)) {
    const start = (m.index as number) + m[0].length;
    expect(text.slice(start + Number(m[1]), start + Number(m[1]) + '\nendstream'.length)).toBe('\nendstream');
  }
  return text;
}

/**
 * The page's text lines as a reader extracts them: each shown string's glyph codes mapped back
 * through the font's ToUnicode CMap.
 */
export function pdfLines(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const unicode = new Map<string, string>();
  for (const m of text.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
    unicode.set(
      m[1] as string,
      Buffer.from(m[2] as string, 'hex')
        .swap16()
        .toString('utf16le'),
    );
  }
  return [...text.matchAll(/<([0-9A-F]*)> Tj/g)].map((m) =>
    (m[1]?.match(/.{4}/g) ?? []).map((code) => unicode.get(code) ?? '\uFFFD').join(''),
  );
}
