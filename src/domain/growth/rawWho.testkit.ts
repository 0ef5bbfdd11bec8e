// Test-only: reads WHO rows straight from the CSV text, bypassing parseLmsCsv,
// so tests check the module against the published numbers, not against itself.
import { readFileSync } from 'node:fs';

export type WhoFile = 'weianthro' | 'lenanthro' | 'wflanthro' | 'wfhanthro' | 'bmianthro' | 'hcanthro';

export interface RawLms {
  l: number;
  m: number;
  s: number;
}

const texts = new Map<WhoFile, string[]>();

export function rawRow(file: WhoFile, sex: 'male' | 'female', key: number): RawLms {
  let lines = texts.get(file);
  if (lines === undefined) {
    lines = readFileSync(new URL(`./who/${file}.csv`, import.meta.url), 'utf8').split('\n');
    texts.set(file, lines);
  }
  const code = sex === 'male' ? '1' : '2';
  for (const line of lines) {
    const [sx, k, l, m, s] = line.split(',');
    if (sx === code && Number(k) === key) return { l: Number(l), m: Number(m), s: Number(s) };
  }
  throw new Error(`no row ${file} ${sex} ${key}`);
}

/** WHO 2006 chapter 7, written out independently of lms.ts. */
export const handZ = (y: number, r: RawLms): number => ((y / r.m) ** r.l - 1) / (r.l * r.s);
export const handSd = (r: RawLms, k: number): number => r.m * (1 + r.l * r.s * k) ** (1 / r.l);
export function handRestrictedZ(y: number, r: RawLms): number {
  const z = handZ(y, r);
  if (z > 3) return 3 + (y - handSd(r, 3)) / (handSd(r, 3) - handSd(r, 2));
  if (z < -3) return -3 + (y - handSd(r, -3)) / (handSd(r, -2) - handSd(r, -3));
  return z;
}
