import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * The Song (宋体) face the certificate is printed in, embedded so every reader shows the same
 * glyphs: Noto Serif CJK SC cut to the characters of GB 2312 and the city's place names, with
 * TrueType outlines (font/SOURCE.md). Each PDF carries only the glyphs its text uses.
 */
const FONT_FILE = new URL('./font/NotoSerifCJKsc-Regular.subset.ttf.br', import.meta.url);
export const FONT_NAME = 'NotoSerifCJKsc-Regular';

type Table = { offset: number; length: number };

export type TrueTypeFont = {
  /** Units per em; widths below are in thousandths of an em, as PDF wants them. */
  unitsPerEm: number;
  glyphOf(codePoint: number): number;
  advance(glyph: number): number;
  /** Ascent, descent, cap height and bounding box in thousandths of an em. */
  metrics: { ascent: number; descent: number; capHeight: number; bbox: [number, number, number, number] };
  tables: Map<string, Table>;
  data: Buffer;
};

let loaded: TrueTypeFont | undefined;

/** The embedded face, read once per process (about 2.5 MB once decompressed). */
export function certificateFont(): TrueTypeFont {
  loaded ??= parseTrueType(zlib.brotliDecompressSync(fs.readFileSync(FONT_FILE)));
  return loaded;
}

/** The tables of a TrueType file by tag. */
export function tableDirectory(data: Buffer): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (let i = 0, n = data.readUInt16BE(4); i < n; i++) {
    const at = 12 + i * 16;
    tables.set(data.toString('latin1', at, at + 4), { offset: data.readUInt32BE(at + 8), length: data.readUInt32BE(at + 12) });
  }
  return tables;
}

export function parseTrueType(data: Buffer): TrueTypeFont {
  const tables = tableDirectory(data);
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t.offset;
  };
  const head = table('head');
  const unitsPerEm = data.readUInt16BE(head + 18);
  const scale = (v: number) => Math.round((v * 1000) / unitsPerEm);
  const hhea = table('hhea');
  const hMetrics = data.readUInt16BE(hhea + 34);
  const hmtx = table('hmtx');
  const os2 = table('OS/2');
  const cmap = readCmap(data, table('cmap'));
  return {
    unitsPerEm,
    glyphOf: (cp) => cmap.get(cp) ?? 0,
    // Glyphs past the last long metric share its advance (the TrueType hmtx rule).
    advance: (glyph) => scale(data.readUInt16BE(hmtx + 4 * Math.min(glyph, hMetrics - 1))),
    metrics: {
      ascent: scale(data.readInt16BE(os2 + 68)),
      descent: scale(data.readInt16BE(os2 + 70)),
      capHeight: scale(data.readUInt16BE(os2) >= 2 ? data.readInt16BE(os2 + 88) : data.readInt16BE(os2 + 68)),
      bbox: [36, 38, 40, 42].map((o) => scale(data.readInt16BE(head + o))) as [number, number, number, number],
    },
    tables,
    data,
  };
}

/** The Unicode BMP map (platform 3, encoding 1, format 4): code point → glyph. */
function readCmap(data: Buffer, cmap: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0, n = data.readUInt16BE(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const sub = cmap + data.readUInt32BE(rec + 4);
    if (data.readUInt16BE(rec) !== 3 || data.readUInt16BE(rec + 2) !== 1 || data.readUInt16BE(sub) !== 4) continue;
    const segments = data.readUInt16BE(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const offsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const end = data.readUInt16BE(ends + 2 * s);
      const start = data.readUInt16BE(starts + 2 * s);
      const delta = data.readInt16BE(deltas + 2 * s);
      const rangeOffset = data.readUInt16BE(offsets + 2 * s);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
        else {
          glyph = data.readUInt16BE(offsets + 2 * s + rangeOffset + 2 * (cp - start));
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) map.set(cp, glyph);
      }
    }
    return map;
  }
  throw new Error('font has no Unicode BMP cmap');
}

/** A font cut to the glyphs one document uses, numbered 0 (.notdef), 1, 2…: the new number is the PDF's CID. */
export type FontSubset = {
  /** The new glyph of each character; 0 when the font has none. */
  cidOf(ch: string): number;
  /** Advance of each new glyph in thousandths of an em. */
  widths: number[];
  /** The character each new glyph shows, for copying and searching text. */
  unicode: Map<number, string>;
  /** A complete TrueType file with only the glyf, loca, hmtx, hhea, maxp and head tables PDF needs. */
  file: Buffer;
};

export function subsetFont(font: TrueTypeFont, text: string): FontSubset {
  const old = [0];
  const cids = new Map<string, number>();
  const unicode = new Map<number, string>();
  const newOf = new Map<number, number>([[0, 0]]);
  const take = (glyph: number) => {
    let cid = newOf.get(glyph);
    if (cid === undefined) {
      cid = old.length;
      old.push(glyph);
      newOf.set(glyph, cid);
    }
    return cid;
  };
  for (const ch of text) {
    if (cids.has(ch)) continue;
    const cid = take(font.glyphOf(ch.codePointAt(0) as number));
    cids.set(ch, cid);
    if (cid !== 0 && !unicode.has(cid)) unicode.set(cid, ch);
  }
  const glyphs = glyphData(font, old, take);
  return { cidOf: (ch) => cids.get(ch) ?? 0, widths: old.map((g) => font.advance(g)), unicode, file: writeTrueType(font, old, glyphs) };
}

/** Each glyph's outline; composite glyphs bring their parts along, renumbered. */
function glyphData(font: TrueTypeFont, old: number[], take: (glyph: number) => number): Buffer[] {
  const { data } = font;
  const loca = font.tables.get('loca')?.offset as number;
  const glyf = font.tables.get('glyf')?.offset as number;
  const long = data.readInt16BE((font.tables.get('head')?.offset as number) + 50) === 1;
  const at = (g: number) => (long ? data.readUInt32BE(loca + 4 * g) : 2 * data.readUInt16BE(loca + 2 * g));
  const out: Buffer[] = [];
  // `old` grows while composite parts are found, so this walks them too.
  for (let i = 0; i < old.length; i++) {
    const g = old[i] as number;
    const glyph = Buffer.from(data.subarray(glyf + at(g), glyf + at(g + 1)));
    if (glyph.length > 0 && glyph.readInt16BE(0) < 0) {
      let p = 10;
      for (let more = true; more; ) {
        const flags = glyph.readUInt16BE(p);
        glyph.writeUInt16BE(take(glyph.readUInt16BE(p + 2)), p + 2);
        p += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
        more = (flags & 0x20) !== 0;
      }
    }
    out.push(glyph);
  }
  return out;
}

const pad4 = (b: Buffer) => (b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]));

function checksum(b: Buffer): number {
  const padded = pad4(b);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeTrueType(font: TrueTypeFont, old: number[], glyphs: Buffer[]): Buffer {
  const { data } = font;
  const copy = (tag: string) => {
    const t = font.tables.get(tag) as Table;
    return Buffer.from(data.subarray(t.offset, t.offset + t.length));
  };
  const glyf = Buffer.concat(glyphs.map(pad4));
  const loca = Buffer.alloc(4 * (glyphs.length + 1));
  let offset = 0;
  glyphs.forEach((g, i) => {
    loca.writeUInt32BE(offset, 4 * i);
    offset += pad4(g).length;
  });
  loca.writeUInt32BE(offset, 4 * glyphs.length);
  const hmtx = Buffer.alloc(4 * old.length);
  const oldHmtx = font.tables.get('hmtx')?.offset as number;
  const oldMetrics = data.readUInt16BE((font.tables.get('hhea')?.offset as number) + 34);
  old.forEach((g, i) => {
    hmtx.writeUInt16BE(data.readUInt16BE(oldHmtx + 4 * Math.min(g, oldMetrics - 1)), 4 * i);
    hmtx.writeInt16BE(g < oldMetrics ? data.readInt16BE(oldHmtx + 4 * g + 2) : 0, 4 * i + 2);
  });
  const head = copy('head');
  head.writeUInt32BE(0, 8);
  head.writeInt16BE(1, 50);
  const hhea = copy('hhea');
  hhea.writeUInt16BE(old.length, 34);
  const maxp = copy('maxp');
  maxp.writeUInt16BE(old.length, 4);
  const tables: [string, Buffer][] = [
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
  ];
  const header = Buffer.alloc(12 + 16 * tables.length);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(tables.length, 4);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(tables.length * 16 - power * 16, 10);
  let at = header.length;
  tables.forEach(([tag, body], i) => {
    const rec = 12 + 16 * i;
    header.write(tag, rec, 'latin1');
    header.writeUInt32BE(checksum(body), rec + 4);
    header.writeUInt32BE(at, rec + 8);
    header.writeUInt32BE(body.length, rec + 12);
    at += pad4(body).length;
  });
  const file = Buffer.concat([header, ...tables.map(([, body]) => pad4(body))]);
  // head.checkSumAdjustment makes the whole file sum to the magic number.
  const headAt = header.readUInt32BE(12 + 16 * 1 + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}
