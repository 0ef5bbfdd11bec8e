import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { startS3 } from '../../../../../test/harness/s3.ts';
import { s3Storage } from '../../../platform/files/s3Storage.ts';
import { as, multipart, SAMPLE } from '../test/helpers.ts';

// The database does not matter here: only where the bytes go.
describe('filing documents with FILE_STORAGE=s3', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let t: TestApp;
  let dataDir: string;
  let id: string;
  let director: ReturnType<typeof as>;

  beforeAll(async () => {
    s3 = await startS3();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-s3-files-'));
    t = await buildTestApp('pglite', { dataDir, fileStorage: s3.config });
    const district = await createDistrict(t.deps.db, '存储区');
    id = (await createInstitution(t.deps.db, district.townshipCodes[0] as string, '存储托育园')).id;
    director = as(t, await signIn(t.app, (await createUser(t.deps.db, { role: 'institution_admin', institutionId: id })).phone));
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps uploads in the bucket, not on the server’s disk, and serves them back', async () => {
    const res = await director.send({
      method: 'POST',
      url: `/api/v1/institutions/${id}/files?kind=document&documentType=health_evaluation`,
      ...multipart('卫生评价报告.pdf', SAMPLE.pdf),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(fs.existsSync(path.join(dataDir, 'files'))).toBe(false);

    const row = await t.deps.db
      .selectFrom('institution_files')
      .select('storage_key')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect((await s3Storage(s3.config).get(row.storage_key))?.equals(SAMPLE.pdf)).toBe(true);

    const download = await director.get(res.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(SAMPLE.pdf)).toBe(true);
  });
});
