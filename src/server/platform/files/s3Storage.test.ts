import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../../../../test/harness/s3.ts';
import { loadConfig } from '../../config.ts';
import { s3Storage } from './s3Storage.ts';

describe('files on S3-compatible storage', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(() => s3.close());

  it('gives back the bytes it was given, answers nothing for a missing key, and forgets removed files', async () => {
    const storage = s3Storage(s3.config);
    const bytes = Buffer.from('%PDF-1.4 营业执照');
    await storage.put('institutions/a1/b2', bytes);
    expect((await storage.get('institutions/a1/b2'))?.equals(bytes)).toBe(true);
    // What a second server machine with the same settings sees.
    expect((await s3Storage(s3.config).get('institutions/a1/b2'))?.equals(bytes)).toBe(true);
    expect(await storage.get('institutions/a1/none')).toBeUndefined();
    await storage.remove('institutions/a1/b2');
    expect(await storage.get('institutions/a1/b2')).toBeUndefined();
  });

  it('refuses keys it did not make', async () => {
    await expect(s3Storage(s3.config).put('../escape', Buffer.from('x'))).rejects.toThrow('bad storage key');
  });

  it('fails loudly, not as a missing file, when the store is unreachable', async () => {
    const storage = s3Storage({ ...s3.config, bucket: 'no-such-bucket' });
    await expect(storage.get('institutions/a1/b2')).rejects.toThrow();
  });
});

describe('configuration of file storage', () => {
  it('keeps files on disk by default, and needs a bucket and keys for s3', () => {
    expect(loadConfig({}).fileStorage).toEqual({ kind: 'disk' });
    expect(() => loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'tuoyu' })).toThrow(/S3_ACCESS_KEY_ID: is required when FILE_STORAGE=s3/);
    const oss = loadConfig({
      FILE_STORAGE: 's3',
      S3_ENDPOINT: 'https://oss-cn-shanghai.aliyuncs.com',
      S3_BUCKET: 'tuoyu',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'false',
    }).fileStorage;
    expect(oss).toMatchObject({ kind: 's3', bucket: 'tuoyu', forcePathStyle: false, region: 'us-east-1' });
  });
});
