import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { DIRECTOR_TRAINING, scheduleTraining } from '../../../../../test/harness/factories/trainings.ts';
import { multipart } from '../../../../../test/harness/multipart.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { MAX_TEXTBOOK_BYTES } from './textbook.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0)]);
const FAKE = '00000000-0000-4000-8000-000000000000';

describe.each(DIALECTS)('the training textbook on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let dataDir: string;
  let city: string;
  let director: string;
  let id: string;

  const upload = (cookie: string, filename: string, data: Buffer, trainingId = id) =>
    t.app.inject({ method: 'POST', url: `/api/v1/trainings/${trainingId}/textbook`, ...withCookie(multipart(filename, data), cookie) });
  const withCookie = (m: ReturnType<typeof multipart>, cookie: string) => ({ ...m, headers: { ...m.headers, cookie } });
  const download = (cookie: string, trainingId = id) =>
    t.app.inject({ method: 'GET', url: `/api/v1/trainings/${trainingId}/textbook.pdf`, headers: { cookie } });
  const share = (trainingId: string, fromTrainingId: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/trainings/${trainingId}/textbook`,
      payload: { fromTrainingId },
      headers: { cookie: city, ...headers },
    });
  const schedule = (title: string) => scheduleTraining(t, city, { ...DIRECTOR_TRAINING, title });
  const auditedOn = async (trainingId: string) =>
    (
      await t.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', trainingId)
        .where('action', 'like', 'training.textbook.%')
        .orderBy('id')
        .execute()
    ).map((a) => a.action);
  const storedFiles = () =>
    (fs.existsSync(path.join(dataDir, 'files')) ? fs.readdirSync(path.join(dataDir, 'files'), { recursive: true }) : [])
      .map(String)
      .filter((name) => name.includes('textbook-'));

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-textbook-'));
    t = await buildTestApp(dialect, { dataDir });
    world = await createRoleWorld(t);
    city = world.actors.city_official.cookie as string;
    director = world.actors.institution_admin.cookie as string;
    id = await schedule(DIRECTOR_TRAINING.title);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the center uploads a PDF textbook, the training shows it, a director downloads the same bytes; the upload is audited', async () => {
    expect((await download(director)).statusCode).toBe(404);
    const uploaded = await upload(city, '负责人培训教材.pdf', PDF);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ filename: '负责人培训教材.pdf', sizeBytes: PDF.length });
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/trainings/${id}`, headers: { cookie: director } });
    expect(shown.json().textbook).toMatchObject({ filename: '负责人培训教材.pdf', sizeBytes: PDF.length });

    const got = await download(director);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain(encodeURIComponent('负责人培训教材.pdf'));
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(await auditedOn(id)).toContain('training.textbook.upload');

    // A new edition replaces it; the old bytes go.
    const second = Buffer.concat([PDF, Buffer.from('% 第二版\n')]);
    expect((await upload(city, '教材第二版.pdf', second)).statusCode).toBe(201);
    expect((await download(director)).rawPayload.equals(second)).toBe(true);
    expect(storedFiles()).toHaveLength(1);
  });

  it('refuses what is not a PDF by its bytes, an empty file and one too large, in Chinese, and keeps the textbook as it was', async () => {
    const before = (await download(city)).rawPayload;
    const renamed = await upload(city, '教材.pdf', EXE);
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.message).toBe('只能上传 PDF 文件（按文件内容识别）');
    const png = await upload(city, '教材.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]));
    expect(png.statusCode).toBe(415);
    expect((await upload(city, '教材.pdf', Buffer.alloc(0))).json().error.code).toBe('FILE_MISSING');
    const huge = await upload(city, '教材.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_TEXTBOOK_BYTES, 0x20)]));
    expect(huge.statusCode).toBe(413);
    expect((await upload(city, '教材.pdf', PDF, FAKE)).statusCode).toBe(404);
    expect((await download(city)).rawPayload.equals(before)).toBe(true);
    expect(storedFiles()).toHaveLength(1);
  });

  it('a second training shares the first one’s textbook without storing it twice; a new edition for one leaves the other as it was', async () => {
    const first = await schedule('负责人培训第一期');
    const second = await schedule('负责人培训第二期');
    expect((await upload(city, '负责人培训教材.pdf', PDF, first)).statusCode).toBe(201);
    const stored = storedFiles().length;

    const shared = await share(second, first);
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json()).toMatchObject({ filename: '负责人培训教材.pdf', sizeBytes: PDF.length });
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/trainings/${second}`, headers: { cookie: director } });
    expect(shown.json().textbook).toMatchObject({ filename: '负责人培训教材.pdf', sizeBytes: PDF.length });
    expect((await download(director, second)).rawPayload.equals(PDF)).toBe(true);
    expect(storedFiles()).toHaveLength(stored);
    expect(await auditedOn(second)).toEqual(['training.textbook.share']);

    // The first training gets a new edition: the second still hands out the book it shares.
    const edition = Buffer.concat([PDF, Buffer.from('% 第二版\n')]);
    expect((await upload(city, '教材第二版.pdf', edition, first)).statusCode).toBe(201);
    expect((await download(director, first)).rawPayload.equals(edition)).toBe(true);
    expect((await download(director, second)).rawPayload.equals(PDF)).toBe(true);
    expect(storedFiles()).toHaveLength(stored + 1);

    // The second takes the new edition too: the old book, named by no training now, goes.
    expect((await share(second, first)).statusCode).toBe(200);
    expect((await download(director, second)).rawPayload.equals(edition)).toBe(true);
    expect(storedFiles()).toHaveLength(stored);
  });

  it('refuses to share from an unknown training, a malformed id, a training without a textbook or itself, at the field, in both languages, changing nothing', async () => {
    const withBook = await schedule('有教材的培训');
    const without = await schedule('没有教材的培训');
    const target = await schedule('待共用教材的培训');
    expect((await upload(city, '教材.pdf', PDF, withBook)).statusCode).toBe(201);
    const stored = storedFiles().length;

    for (const from of [FAKE, without]) {
      const refused = await share(target, from);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error).toEqual({
        code: 'TRAINING_TEXTBOOK_SOURCE_NOT_FOUND',
        message: '所选培训不存在或尚未上传培训教材',
        details: [{ path: 'body.fromTrainingId' }],
      });
    }
    const english = await share(target, without, { 'accept-language': 'en' });
    expect(english.json().error.message).toBe('The chosen training does not exist or has no uploaded textbook');
    const malformed = await share(target, 'not-a-training');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details).toEqual([{ path: 'body.fromTrainingId', message: '编号格式不正确' }]);
    const itself = await share(withBook, withBook);
    expect(itself.statusCode).toBe(400);
    expect(itself.json().error.details).toEqual([{ path: 'body.fromTrainingId', message: '请选择另一期培训的教材' }]);
    expect((await share(FAKE, withBook)).json().error.code).toBe('NOT_FOUND');

    expect((await download(city, target)).statusCode).toBe(404);
    expect((await download(city, withBook)).rawPayload.equals(PDF)).toBe(true);
    expect(await auditedOn(target)).toEqual([]);
    expect(await auditedOn(withBook)).toEqual(['training.textbook.upload']);
    expect(storedFiles()).toHaveLength(stored);
  });

  it('role matrix: the center and the city upload and share; directors and officials download', async () => {
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/trainings/${id}/textbook`, ...multipart('教材.pdf', PDF) },
      // The world's director is not the guidance center's.
      { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 403, city_official: 201, admin: 201 },
    );
    const other = await schedule('共用教材的培训');
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/trainings/${other}/textbook`, payload: { fromTrainingId: id } },
      { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 403, city_official: 200, admin: 200 },
    );
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/trainings/${id}/textbook.pdf` },
      { anonymous: 401, parent: 403, institution_admin: 200, caregiver: 403, district_official: 200, city_official: 200, admin: 200 },
    );
  });
});
