import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { fieldError } from '../../platform/errors/AppError.ts';
import type { ValidationMessageKey } from '../../platform/errors/validationMessages.ts';
import { detectContentType } from '../../platform/files/contentType.ts';
import type { FileStorage } from '../../platform/files/storage.ts';

/** Complaints' and inspections' photos alike: JPEG or PNG, scaled down by the browser to at most this. */
export const MAX_PHOTO_BYTES = 200 * 1024;

export type CheckedPhoto = { data: Buffer; contentType: 'image/jpeg' | 'image/png'; size: number; key: string };

/**
 * Decodes and checks each photo by its content (JPEG or PNG only), before anything is written;
 * a refused one is named at its field. Stored under `folder/`.
 */
export function checkPhotos(
  photos: readonly { encoded: string; path: string }[],
  folder: 'complaints' | 'inspections',
  messageKey: ValidationMessageKey,
): CheckedPhoto[] {
  return photos.map(({ encoded, path }) => {
    const data = Buffer.from(encoded, 'base64');
    const contentType = detectContentType(data);
    if (data.length === 0 || data.length > MAX_PHOTO_BYTES || (contentType !== 'image/jpeg' && contentType !== 'image/png'))
      throw fieldError(path, messageKey);
    return { data, contentType, size: data.length, key: `${folder}/${randomUUID()}` };
  });
}

/**
 * Writes the photos before the rows that name them, and takes them back if the rows are not
 * written, so no row names a missing file and no file outlives a refused write.
 */
export async function withStoredPhotos<T>(storage: FileStorage, photos: CheckedPhoto[], write: () => Promise<T>): Promise<T> {
  for (const photo of photos) await storage.put(photo.key, photo.data);
  try {
    return await write();
  } catch (err) {
    await Promise.all(photos.map((p) => storage.remove(p.key).catch(() => {})));
    throw err;
  }
}

/** Answers with a stored photo: its own content type, kept by the reader's browser only, for a while. */
export function sendPhoto(reply: FastifyReply, photo: { contentType: string; data: Buffer }) {
  reply.header('content-type', photo.contentType);
  reply.header('cache-control', 'private, max-age=300');
  return reply.send(photo.data);
}
