import zlib from 'node:zlib';
import { certificateFont, FONT_NAME, subsetFont } from './cjkFont.ts';

/**
 * A one-page PDF with Chinese text in an embedded font: the glyphs the page uses, cut from the
 * bundled Song face (cjkFont.ts) into a TrueType program (FontFile2) of a CIDFontType2 with
 * Identity encoding, and a ToUnicode map so the text can be searched and copied. A reader
 * needs no font of its own, so the page looks the same everywhere.
 */
export type PdfText = { x: number; y: number; size: number; text: string; bold?: boolean };
export type PdfLine = { x1: number; y1: number; x2: number; y2: number; width?: number };
/** A filled black rectangle from its lower left corner (a QR code's modules). */
export type PdfRect = { x: number; y: number; w: number; h: number };

/** A4 in points. */
export const PAGE = { width: 595, height: 842 };

/** Width of the text in em, from the font's own advances. */
export function emWidth(text: string): number {
  const font = certificateFont();
  let em = 0;
  for (const ch of text) em += font.advance(font.glyphOf(ch.codePointAt(0) as number)) / 1000;
  return em;
}

// A run of letters, digits and code punctuation (a credit code, a receipt number, an address) is
// one unit: a line breaks before it rather than inside it, unless it is wider than a line.
const UNBREAKABLE = /[A-Za-z0-9][A-Za-z0-9\-_.:/#]*|[\s\S]/gu;

// Closing punctuation never starts a line (the usual Chinese line-breaking rule): it hangs past the margin.
const CLOSING = /^[，。、；：？！）》」』”’〕】…]$/u;

/**
 * Breaks text into lines no wider than `maxEm`, never inside a run of ASCII letters and digits
 * that fits a line, and never before closing punctuation.
 */
export function wrap(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(UNBREAKABLE) ?? []) {
    if (line && emWidth(line + token) > maxEm && !CLOSING.test(token)) {
      lines.push(line);
      line = '';
    }
    if (emWidth(token) > maxEm) {
      for (const ch of token) {
        if (line && emWidth(line + ch) > maxEm) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    } else line += token;
  }
  if (line) lines.push(line);
  return lines;
}

/** 2026-03-05 → 2026年3月5日, as a date is printed on a Chinese certificate. */
export const chineseDate = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * A certificate's head: the title centred at `top`, a rule under it across the margins, and the
 * number line set flush right. Returns the y where the body starts.
 */
export function certificateHeading(
  page: { texts: PdfText[]; lines: PdfLine[] },
  head: { title: string; size: number; number: string; top: number; margin: number },
): number {
  let y = head.top;
  page.texts.push({ x: (PAGE.width - emWidth(head.title) * head.size) / 2, y, size: head.size, text: head.title, bold: true });
  y -= 16;
  page.lines.push({ x1: head.margin, y1: y, x2: PAGE.width - head.margin, y2: y, width: 1.2 });
  y -= 30;
  page.texts.push({ x: PAGE.width - head.margin - emWidth(head.number) * 11, y, size: 11, text: head.number });
  return y - 36;
}

/**
 * Label–value rows ruled above and below, the first at `y`, across [left, right]; the value column
 * starts `valueAt` points in. Returns the y below the last row.
 */
export function labelledRows(
  page: { texts: PdfText[]; lines: PdfLine[] },
  rows: [string, string][],
  at: { y: number; left: number; right: number; valueAt: number },
): number {
  let y = at.y;
  for (const [label, value] of rows) {
    page.lines.push({ x1: at.left, y1: y + 18, x2: at.right, y2: y + 18, width: 0.5 });
    page.texts.push({ x: at.left + 6, y: y + 4, size: 11, text: label });
    page.texts.push({ x: at.left + at.valueAt, y: y + 4, size: 11, text: value });
    y -= 24;
  }
  page.lines.push({ x1: at.left, y1: y + 18, x2: at.right, y2: y + 18, width: 0.5 });
  return y;
}

const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const hex4 = (v: number) => v.toString(16).padStart(4, '0').toUpperCase();

/** UTF-16BE in hex, for the document's title and author. */
function utf16Hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

/** The ToUnicode CMap: each glyph of the subset back to its character (at most 100 per block, as the format wants). */
function toUnicodeCMap(unicode: Map<number, string>): string {
  const entries = [...unicode].map(([cid, ch]) => `<${hex4(cid)}> <${utf16Hex(ch)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** A subset font's name starts with a six-letter tag (ISO 32000-1 §9.6.4); the same glyphs give the same tag. */
function subsetTag(file: Buffer): string {
  let h = zlib.crc32(file);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26);
  }
  return tag;
}

export function renderPdf(page: { texts: PdfText[]; lines?: PdfLine[]; rects?: PdfRect[]; title: string; author: string }): Buffer {
  const subset = subsetFont(certificateFont(), page.texts.map((t) => t.text).join(''));
  const encode = (text: string) => [...text].map((ch) => hex4(subset.cidOf(ch))).join('');
  const content = [
    ...(page.lines ?? []).map((l) => `${n(l.width ?? 0.8)} w ${n(l.x1)} ${n(l.y1)} m ${n(l.x2)} ${n(l.y2)} l S`),
    ...(page.rects?.length ? [`${page.rects.map((r) => `${n(r.x)} ${n(r.y)} ${n(r.w)} ${n(r.h)} re`).join(' ')} f`] : []),
    // Bold is the same glyphs filled and stroked (render mode 2): one face keeps the file small.
    ...page.texts.map(
      (t) =>
        `BT /F1 ${n(t.size)} Tf ${t.bold ? `2 Tr ${n(t.size / 30)} w` : '0 Tr'} 1 0 0 1 ${n(t.x)} ${n(t.y)} Tm <${encode(t.text)}> Tj ET`,
    ),
  ].join('\n');
  const fontName = `${subsetTag(subset.file)}+${FONT_NAME}`;
  const { ascent, descent, capHeight, bbox } = certificateFont().metrics;
  const fontFile = zlib.deflateSync(subset.file);
  const cmap = toUnicodeCMap(subset.unicode);
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${fontName} /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>`,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${fontName} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /CIDToGIDMap /Identity /DW 1000 /W [0 [${subset.widths.join(' ')}]] >>`,
    // Flags 6: serif (2) and symbolic (4), as a CJK face is outside the standard Latin set.
    `<< /Type /FontDescriptor /FontName /${fontName} /Flags 6 /FontBBox [${bbox.join(' ')}] /ItalicAngle 0 /Ascent ${ascent} /Descent ${descent} /CapHeight ${capHeight} /StemV 80 /FontFile2 8 0 R >>`,
    Buffer.concat([
      Buffer.from(`<< /Length ${fontFile.length} /Length1 ${subset.file.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      fontFile,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
    `<< /Title <FEFF${utf16Hex(page.title)}> /Author <FEFF${utf16Hex(page.author)}> /Producer (tuoyu) >>`,
  ];
  // The header's second line of high bytes tells transfer tools the file is binary.
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1')];
  let length = parts[0]?.length as number;
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof obj === 'string' ? Buffer.from(obj, 'latin1') : obj,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(part);
    length += part.length;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(tail, 'latin1')]);
}
