import QRCode from 'qrcode';
import type { PdfRect } from './pdf.ts';

/**
 * A QR code of `text` as filled squares, `size` points wide with its lower left corner at (x, y),
 * quiet zone included (four modules each side, as scanners expect). Each run of dark modules in a
 * row is one rectangle, so the page stays small and prints without hairline gaps.
 */
export function qrRects(text: string, x: number, y: number, size: number): PdfRect[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const unit = size / (count + 8);
  const rects: PdfRect[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      rects.push({ x: x + (start + 4) * unit, y: y + size - (row + 5) * unit, w: (col - start) * unit, h: unit });
    }
  }
  return rects;
}
