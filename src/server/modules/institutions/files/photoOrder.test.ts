import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { as, multipart, SAMPLE } from '../test/helpers.ts';

const MISMATCH = '照片顺序须包含本机构当前的全部照片，且不含其他照片；请刷新页面后重试';

describe.each(DIALECTS)('the director puts the photos in order, on %s', (dialect) => {
  let t: TestApp;
  let dataDir: string;
  let id: string;
  let director: ReturnType<typeof as>;
  let stranger: ReturnType<typeof as>;
  let strangersPhoto: string;
  const order = (photoIds: string[], who = director) => who.put(`/api/v1/institutions/${id}/photos/order`, { photoIds });
  const upload = async (institutionId: string, who: ReturnType<typeof as>) => {
    const res = await who.send({
      method: 'POST',
      url: `/api/v1/institutions/${institutionId}/files?kind=photo`,
      ...multipart('p.png', SAMPLE.png),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const shown = async () => (await t.app.inject({ url: `/api/v1/institutions/${id}` })).json().photos.map((p: { id: string }) => p.id);
  const onRecord = async () => (await director.get(`/api/v1/institutions/${id}/record`)).json().photos.map((p: { id: string }) => p.id);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-photo-order-'));
    t = await buildTestApp(dialect, { dataDir });
    const district = await createDistrict(t.deps.db, '照片区');
    id = (await createFiledInstitution(t.deps.db, district.townshipCodes[0] as string, '照片托育园')).id;
    director = as(t, await signIn(t.app, (await createUser(t.deps.db, { role: 'institution_admin', institutionId: id })).phone));
    const elsewhere = (await createFiledInstitution(t.deps.db, district.townshipCodes[0] as string, '别家托育园')).id;
    stranger = as(t, await signIn(t.app, (await createUser(t.deps.db, { role: 'institution_admin', institutionId: elsewhere })).phone));
    strangersPhoto = await upload(elsewhere, stranger);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the order given on the public page and the record, audits it, and puts a later upload last', async () => {
    const uploaded = [await upload(id, director), await upload(id, director), await upload(id, director)];
    expect(await shown()).toEqual(uploaded);
    const wanted = [uploaded[2], uploaded[0], uploaded[1]] as string[];
    const res = await order(wanted);
    expect(res.statusCode, res.body).toBe(204);
    expect(await shown()).toEqual(wanted);
    expect(await onRecord()).toEqual(wanted);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'detail'])
      .where('entity_type', '=', 'institution')
      .where('entity_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'institution.photos.reorder', actor_role: 'institution_admin', detail: { photoIds: wanted } });

    const later = await upload(id, director);
    expect(await shown()).toEqual([...wanted, later]);
    // A removed photo leaves the order of the others as it was.
    expect((await director.delete(`/api/v1/institutions/${id}/files/${uploaded[0]}`)).statusCode).toBe(204);
    expect(await shown()).toEqual([uploaded[2], uploaded[1], later]);
  });

  it('refuses a list that is not exactly the current photos, in words, and changes nothing', async () => {
    const current: string[] = await shown();
    const [first, ...rest] = current as [string, ...string[]];
    const removed = (
      await t.deps.db
        .selectFrom('institution_files')
        .select('id')
        .where('institution_id', '=', id)
        .where('deleted_at', 'is not', null)
        .executeTakeFirstOrThrow()
    ).id;
    for (const wrong of [rest, [...current, strangersPhoto], [...rest, removed], [...rest, '00000000-0000-4000-8000-000000000000']]) {
      const res = await order(wrong);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toEqual([{ path: 'body.photoIds', message: MISMATCH }]);
    }
    const twice = await order([first, first, ...rest.slice(1)]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details).toEqual([{ path: 'body.photoIds', message: '同一张照片只能出现一次' }]);
    const english = await director.send({
      method: 'PUT',
      url: `/api/v1/institutions/${id}/photos/order`,
      payload: { photoIds: rest },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.details[0].message).toBe(
      'The order must list every current photo of the institution and no other; reload the page and try again',
    );
    expect(await shown()).toEqual(current);
  });

  it('lets no other director order them', async () => {
    const current: string[] = await shown();
    const res = await order([...current].reverse(), stranger);
    expect(res.statusCode).toBe(404);
    expect(await shown()).toEqual(current);
  });
});
