import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FileStorageConfig } from '../../config.ts';
import { type FileStorage, STORAGE_KEY } from './storage.ts';

type S3Config = Extract<FileStorageConfig, { kind: 's3' }>;

/** Uploaded files in an S3-compatible bucket (MinIO, Alibaba Cloud OSS, AWS). */
export function s3Storage(config: S3Config): FileStorage {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  const checked = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error(`bad storage key: ${key}`);
    return { Bucket: config.bucket, Key: key };
  };
  return {
    async put(key, data) {
      // A PUT is atomic on S3: readers see the old object or the whole new one, never a part.
      await client.send(new PutObjectCommand({ ...checked(key), Body: data }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand(checked(key)));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return undefined;
        throw err;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand(checked(key)));
    },
  };
}
