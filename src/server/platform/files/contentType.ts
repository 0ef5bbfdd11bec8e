export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

// Signatures at the start of the file: PDF 1.7 (ISO 32000-1 §7.5.2) "%PDF-"; PNG (RFC 2083
// §3.1) 89 50 4E 47 0D 0A 1A 0A; JPEG/JFIF/EXIF start with the SOI marker FF D8 then a
// marker FF. A file's name and the client's Content-Type are never trusted.
const SIGNATURES: [UploadType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The type the content shows, or undefined for anything else (an .exe renamed .pdf starts "MZ"). */
export function detectContentType(data: Uint8Array): UploadType | undefined {
  return SIGNATURES.find(([, magic]) => magic.every((byte, i) => data[i] === byte))?.[0];
}

export const LABELS: Record<UploadType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
