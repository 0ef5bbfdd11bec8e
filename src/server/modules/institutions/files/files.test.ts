import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { completeInstitution, createInstitution, markFiled } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { detectContentType } from '../../../platform/files/contentType.ts';
import { cleanFilename } from '../../../platform/files/filename.ts';
import { as, multipart, SAMPLE } from '../test/helpers.ts';

function filesOnDisk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('upload content checks', () => {
  it('recognises PDF, PNG and JPEG by their first bytes and nothing else', () => {
    expect(detectContentType(SAMPLE.pdf)).toBe('application/pdf');
    expect(detectContentType(SAMPLE.png)).toBe('image/png');
    expect(detectContentType(SAMPLE.jpeg)).toBe('image/jpeg');
    expect(detectContentType(SAMPLE.exe)).toBeUndefined();
    expect(detectContentType(Buffer.from('%PD'))).toBeUndefined();
    expect(detectContentType(Buffer.alloc(0))).toBeUndefined();
  });

  it('keeps only a clean base name', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\证件\\营业执照.pdf')).toBe('营业执照.pdf');
    expect(cleanFilename('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(cleanFilename('')).toBe('file');
  });
});

describe.each(DIALECTS)('filing documents and photos on %s', (dialect) => {
  let t: TestApp;
  let dataDir: string;
  let district: Awaited<ReturnType<typeof createDistrict>>;
  let id: string;
  let director: ReturnType<typeof as>;
  const filesDir = () => path.join(dataDir, 'files');
  const upload = (query: string, filename: string, content: Buffer, who = director) =>
    who.send({ method: 'POST', url: `/api/v1/institutions/${id}/files?${query}`, ...multipart(filename, content) });
  const rows = () => t.deps.db.selectFrom('institution_files').select('id').where('institution_id', '=', id).execute();

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-files-'));
    t = await buildTestApp(dialect, { dataDir });
    district = await createDistrict(t.deps.db, '材料区');
    id = (await createInstitution(t.deps.db, district.townshipCodes[0] as string, '材料托育园')).id;
    const user = await createUser(t.deps.db, { role: 'institution_admin', institutionId: id });
    director = as(t, await signIn(t.app, user.phone));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a PDF document under DATA_DIR/files and gives back the same bytes', async () => {
    const res = await upload('kind=document&documentType=health_evaluation', '卫生评价报告.pdf', SAMPLE.pdf);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'document',
      documentType: 'health_evaluation',
      filename: '卫生评价报告.pdf',
      contentType: 'application/pdf',
      sizeBytes: SAMPLE.pdf.length,
    });
    expect(filesOnDisk(filesDir())).toEqual([res.json().id]);
    const download = await director.get(res.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%E5%8D%AB");
    expect(download.rawPayload.equals(SAMPLE.pdf)).toBe(true);
    const record = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    expect(record.documents.map((d: { id: string }) => d.id)).toEqual([res.json().id]);
  });

  it('judges the type by content: a JPEG named .pdf is a JPEG, an .exe named .pdf is refused', async () => {
    const jpeg = await upload('kind=document&documentType=premises_proof', 'scan.pdf', SAMPLE.jpeg);
    expect(jpeg.json().contentType).toBe('image/jpeg');
    const before = { rows: (await rows()).length, disk: filesOnDisk(filesDir()).length };
    const exe = await upload('kind=document&documentType=fire_safety', '消防验收.pdf', SAMPLE.exe);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', message: '只能上传 PDF, JPEG, PNG 文件（按文件内容识别）' });
    const pdfPhoto = await upload('kind=photo', 'photo.png', SAMPLE.pdf);
    expect(pdfPhoto.statusCode).toBe(415);
    expect(pdfPhoto.json().error.message).toContain('JPEG, PNG');
    expect({ rows: (await rows()).length, disk: filesOnDisk(filesDir()).length }).toEqual(before);
  });

  it('refuses a 50 MB upload with 413 and stores nothing', async () => {
    const before = { rows: (await rows()).length, disk: filesOnDisk(filesDir()).length };
    const big = Buffer.concat([SAMPLE.pdf, Buffer.alloc(50 * 1024 * 1024, 0x20)]);
    const res = await upload('kind=document&documentType=other', 'big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect({ rows: (await rows()).length, disk: filesOnDisk(filesDir()).length }).toEqual(before);
    expect(fs.readdirSync(filesDir(), { recursive: true }).filter((n) => String(n).endsWith('.part'))).toEqual([]);
  });

  it('asks for a file, a multipart body and a document type', async () => {
    const empty = await upload('kind=document&documentType=other', 'empty.pdf', Buffer.alloc(0));
    expect(empty.json().error.code).toBe('FILE_MISSING');
    const json = await director.post(`/api/v1/institutions/${id}/files?kind=photo`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    const untyped = await upload('kind=document', 'a.pdf', SAMPLE.pdf);
    expect(untyped.statusCode).toBe(400);
    expect(untyped.json().error.details[0].path).toBe('querystring.documentType');
  });

  it('freezes documents while a filing is in review, and writes nothing', async () => {
    await t.deps.db.updateTable('institutions').set({ status: 'submitted' }).where('id', '=', id).execute();
    try {
      const before = filesOnDisk(filesDir()).length;
      const res = await upload('kind=document&documentType=other', 'late.pdf', SAMPLE.pdf);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('INSTITUTION_LOCKED');
      expect(filesOnDisk(filesDir()).length).toBe(before);
      expect((await upload('kind=photo', 'room.png', SAMPLE.png)).statusCode).toBe(201);
    } finally {
      await t.deps.db.updateTable('institutions').set({ status: 'draft' }).where('id', '=', id).execute();
    }
  });

  it('shows photos to the public once the institution is filed, and takes files off the list', async () => {
    const photo = (await upload('kind=photo', '活动室.png', SAMPLE.png)).json();
    const publicGet = () => t.app.inject({ url: photo.url });
    expect((await publicGet()).statusCode).toBe(404);
    await completeInstitution(t.deps.db, id);
    await markFiled(t.deps.db, id, district.townshipCodes[0] as string);
    const shown = await publicGet();
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    const profile = (await t.app.inject({ url: `/api/v1/institutions/${id}` })).json();
    expect(profile.photos.map((p: { id: string }) => p.id)).toContain(photo.id);
    expect((await director.delete(`/api/v1/institutions/${id}/files/${photo.id}`)).statusCode).toBe(204);
    expect((await publicGet()).statusCode).toBe(404);
    expect((await director.delete(`/api/v1/institutions/${id}/files/${photo.id}`)).statusCode).toBe(404);
  });

  it('opens a document inline for the institution and its reviewers, with its own type; no one else finds it', async () => {
    const pdf = (await upload('kind=document&documentType=premises_proof', '租赁合同.pdf', SAMPLE.pdf)).json();
    const scan = (await upload('kind=document&documentType=fire_safety', '消防验收.pdf', SAMPLE.jpeg)).json();
    const reviewer = as(
      t,
      await signIn(t.app, (await createUser(t.deps.db, { role: 'district_official', divisionCode: district.districtCode })).phone),
    );
    for (const who of [director, reviewer]) {
      const opened = await who.get(pdf.url);
      expect(opened.statusCode).toBe(200);
      expect(opened.headers['content-type']).toBe('application/pdf');
      expect(opened.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent('租赁合同.pdf')}`);
      expect(opened.headers['x-content-type-options']).toBe('nosniff');
      expect(String(opened.headers['content-security-policy'])).toContain("script-src 'self'");
      expect(opened.rawPayload.equals(SAMPLE.pdf)).toBe(true);
    }
    // A JPEG named .pdf is served as the image it is, so the browser shows it and runs nothing.
    const image = await reviewer.get(scan.url);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['content-disposition']).toMatch(/^inline;/);

    const otherDistrict = await createDistrict(t.deps.db, '别区');
    const elsewhere = await createInstitution(t.deps.db, otherDistrict.townshipCodes[0] as string, '别家托育园');
    const strangers = [
      await createUser(t.deps.db, { role: 'institution_admin', institutionId: elsewhere.id }),
      await createUser(t.deps.db, { role: 'district_official', divisionCode: otherDistrict.districtCode }),
    ];
    for (const stranger of strangers) expect((await as(t, await signIn(t.app, stranger.phone)).get(pdf.url)).statusCode).toBe(404);
    const parent = as(t, await signIn(t.app, (await createUser(t.deps.db, { role: 'parent' })).phone));
    expect((await parent.get(pdf.url)).statusCode).toBe(403);
    expect((await t.app.inject({ url: pdf.url })).statusCode).toBe(401);
  });
});
