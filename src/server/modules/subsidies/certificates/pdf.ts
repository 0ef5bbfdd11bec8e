/**
 * A one-page PDF with Chinese text and no font file: the text uses STSong-Light, one of the
 * Adobe-GB1 CJK fonts every conforming reader supplies itself (ISO 32000-1 §9.7.5.2, the
 * predefined CMap UniGB-UCS2-H), so the file stays a few kilobytes and needs no package.
 */
export type PdfText = { x: number; y: number; size: number; text: string; bold?: boolean };
export type PdfLine = { x1: number; y1: number; x2: number; y2: number; width?: number };

/** A4 in points. */
export const PAGE = { width: 595, height: 842 };

// Adobe-GB1 CIDs 1–95 are the proportional Latin glyphs that UniGB-UCS2-H maps ASCII to;
// giving them half an em keeps digits and codes from spreading out.
const LATIN_WIDTH = 500;

/** Width of the text in em (CJK 1, ASCII 0.5), for layout. */
export function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) < 0x80 ? LATIN_WIDTH / 1000 : 1;
  return em;
}

/** Breaks text into lines no wider than `maxEm`. */
export function wrap(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (emWidth(line + ch) > maxEm) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

function hexUcs2(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    // Outside the Basic Multilingual Plane UCS-2 has no code: such characters print as a box.
    hex += (code > 0xffff ? 0x25a1 : code).toString(16).padStart(4, '0');
  }
  return hex.toUpperCase();
}

const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

export function renderPdf(page: { texts: PdfText[]; lines?: PdfLine[]; title: string; author: string }): Buffer {
  const content = [
    ...(page.lines ?? []).map((l) => `${n(l.width ?? 0.8)} w ${n(l.x1)} ${n(l.y1)} m ${n(l.x2)} ${n(l.y2)} l S`),
    // Bold is the same glyphs filled and stroked (render mode 2), as the CJK fonts have no bold face.
    ...page.texts.map(
      (t) =>
        `BT /F1 ${n(t.size)} Tf ${t.bold ? `2 Tr ${n(t.size / 30)} w` : '0 Tr'} 1 0 0 1 ${n(t.x)} ${n(t.y)} Tm <${hexUcs2(t.text)}> Tj ET`,
    ),
  ].join('\n');
  const stream = Buffer.from(content, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${stream.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 ${LATIN_WIDTH}] >>`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Title <FEFF${hexUcs2(page.title)}> /Author <FEFF${hexUcs2(page.author)}> /Producer (tuoyu) >>`,
  ];
  // The header's second line of high bytes tells transfer tools the file is binary.
  let body = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
