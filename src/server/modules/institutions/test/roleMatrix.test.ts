import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { completeInstitution, designateInclusive, markFiled, staffResidentId } from '../../../../../test/harness/factories/institutions.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { as, multipart, SAMPLE } from './helpers.ts';

/**
 * Every route of the module, as every role. The world's institution is filed; its director
 * uploads what the matrices need first. 401 without a session, 403 for a role the route does
 * not allow, 404 for data outside the caller's scope (the second world).
 */
describe.each(DIALECTS)('institutions: who may use which route, on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let other: RoleWorld;
  let dataDir: string;
  let id: string;
  let filingId: string;
  let classId: string;
  let staffId: string;
  let documentId: string;
  let photoId: string;
  let designationId: string;
  const base = () => `/api/v1/institutions/${id}`;
  const director = () => as(t, world.actors.institution_admin.cookie);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-roles-'));
    t = await buildTestApp(dialect, { dataDir });
    world = await createRoleWorld(t);
    other = await createRoleWorld(t);
    id = world.institutionId;
    const { classIds } = await completeInstitution(t.deps.db, id);
    classId = classIds[0] as string;
    ({ filingId } = await markFiled(t.deps.db, id, world.townshipCodes[0] as string));
    await designateInclusive(t.deps.db, id);
    const upload = async (kind: string, query: string, file: Buffer) => {
      const body = multipart(`x.${kind}`, file);
      const res = await director().send({ method: 'POST', url: `${base()}/files?${query}`, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    documentId = await upload('pdf', 'kind=document&documentType=other', SAMPLE.pdf);
    photoId = await upload('png', 'kind=photo', SAMPLE.png);
    const record = (await director().get(`${base()}/record`)).json();
    staffId = record.staff[0].id;
    designationId = record.designations[0].id;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const everyone = (status: number) => ({
    anonymous: status,
    parent: status,
    institution_admin: status,
    caregiver: status,
    district_official: status,
    city_official: status,
    admin: status,
  });
  const onlyDirector = (status: number) => ({ ...everyone(403), anonymous: 401, institution_admin: status });

  it('search, map tiles, public profile and photos: everyone', async () => {
    await expectRoleMatrix(t, world, { url: `/api/v1/institutions/search?division=${world.districtCode}` }, everyone(200));
    await expectRoleMatrix(t, world, { url: '/api/v1/institutions/map-tiles' }, everyone(200));
    await expectRoleMatrix(t, world, { url: base() }, everyone(200));
    await expectRoleMatrix(t, world, { url: `${base()}/photos/${photoId}` }, everyone(200));
    await expectRoleMatrix(t, world, { url: `${base()}/photos/${documentId}` }, everyone(404));
  });

  it('registry list and record: the director and officials', async () => {
    const readers = { ...everyone(200), anonymous: 401, parent: 403, caregiver: 403 };
    await expectRoleMatrix(t, world, { url: '/api/v1/institutions' }, readers);
    await expectRoleMatrix(t, world, { url: `${base()}/record` }, readers);
    await expectRoleMatrix(t, world, { url: `${base()}/files/${documentId}` }, { ...readers, admin: 403 });
    await expectRoleMatrix(t, world, { url: '/api/v1/institutions/settings' }, readers);
  });

  it('opening a registry entry: officials and admins', async () => {
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/institutions', payload: { name: '新开托育园', divisionCode: world.townshipCodes[1] } },
      { ...everyone(201), anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403 },
    );
  });

  it('facts, classes, staff and files: the director only', async () => {
    await expectRoleMatrix(t, world, { method: 'PATCH', url: base(), payload: { description: '环境优美' } }, onlyDirector(200));
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `${base()}/classes`, payload: { classType: 'infant', name: '乳儿班', capacity: 6 } },
      onlyDirector(201),
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'PATCH', url: `${base()}/classes/${classId}`, payload: { name: '托小一班' } },
      onlyDirector(200),
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `${base()}/staff`, payload: { name: '王保育', role: 'caregiver', residentId: staffResidentId(1) } },
      onlyDirector(201),
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'PATCH', url: `${base()}/staff/${staffId}`, payload: { name: '李保育' } },
      onlyDirector(200),
    );
    await expectRoleMatrix(
      t,
      world,
      () => ({ method: 'POST', url: `${base()}/files?kind=photo`, ...multipart('p.jpg', SAMPLE.jpeg) }),
      onlyDirector(201),
    );
    const record = (await director().get(`${base()}/record`)).json();
    const spareClass = record.classes.find((c: { name: string }) => c.name === '乳儿班').id;
    const spareStaff = record.staff.find((s: { name: string }) => s.name === '王保育').id;
    const photoIds = record.photos.map((p: { id: string }) => p.id).reverse();
    await expectRoleMatrix(t, world, { method: 'PUT', url: `${base()}/photos/order`, payload: { photoIds } }, onlyDirector(204));
    await expectRoleMatrix(t, world, { method: 'DELETE', url: `${base()}/classes/${spareClass}` }, onlyDirector(204));
    await expectRoleMatrix(t, world, { method: 'DELETE', url: `${base()}/staff/${spareStaff}` }, onlyDirector(204));
    await expectRoleMatrix(t, world, { method: 'DELETE', url: `${base()}/files/${record.photos[1].id}` }, onlyDirector(204));
  });

  it('filing transitions: the director submits, the district official reviews, officials suspend and close', async () => {
    // start_review on a filed institution: never the director's or the city's action (403), not now for the district (409).
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `${base()}/transitions`, payload: { action: 'start_review' } },
      { ...everyone(403), anonymous: 401, district_official: 409 },
    );
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/institutions/filings' },
      { ...everyone(403), anonymous: 401, district_official: 200, city_official: 200 },
    );
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/institutions/filings/${filingId}` },
      { ...everyone(403), anonymous: 401, institution_admin: 200, district_official: 200, city_official: 200 },
    );
  });

  it('designations: the city health commission', async () => {
    const grant = { kind: 'pilot', level: 'city', grantedOn: '2026-01-05', document: '连卫发〔2026〕1号', validFrom: '2026-01-05' };
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `${base()}/designations`, payload: grant },
      { ...everyone(403), anonymous: 401, city_official: 201 },
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `${base()}/designations/${designationId}/revoke`, payload: { reason: '协议到期未续签' } },
      { ...everyone(403), anonymous: 401, city_official: 200 },
    );
  });

  it('compliance counts: officials; settings: read by the director and officials, changed by admins', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/institutions/compliance?division=${world.districtCode}` },
      { ...everyone(200), anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403 },
    );
    await expectRoleMatrix(
      t,
      world,
      {
        method: 'PUT',
        url: '/api/v1/institutions/settings',
        payload: { indoorM2PerPlace: 3, outdoorM2PerPlace: 2, mixedChildrenPerCaregiver: 5 },
      },
      { ...everyone(403), anonymous: 401, admin: 200 },
    );
  });

  it('answers 404 for an institution outside the caller’s own institution or district', async () => {
    const stranger = as(t, other.actors.institution_admin.cookie);
    const strangeOfficial = as(t, other.actors.district_official.cookie);
    for (const res of [
      await stranger.get(`${base()}/record`),
      await stranger.patch(base(), { description: 'x' }),
      await stranger.post(`${base()}/classes`, { classType: 'toddler', name: 'x', capacity: 5 }),
      await stranger.patch(`${base()}/classes/${classId}`, { name: 'x' }),
      await stranger.post(`${base()}/staff`, { name: 'x', role: 'caregiver' }),
      await stranger.get(`${base()}/files/${documentId}`),
      await stranger.delete(`${base()}/files/${documentId}`),
      await stranger.put(`${base()}/photos/order`, { photoIds: [photoId] }),
      await stranger.post(`${base()}/transitions`, { action: 'submit' }),
      await stranger.get(`/api/v1/institutions/filings/${filingId}`),
      await strangeOfficial.get(`${base()}/record`),
      await strangeOfficial.post(`${base()}/transitions`, { action: 'suspend', reason: 'x' }),
      await strangeOfficial.get(`/api/v1/institutions/filings/${filingId}`),
      await strangeOfficial.get(`/api/v1/institutions/compliance?division=${world.districtCode}`),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    const theirList = (await strangeOfficial.get('/api/v1/institutions?pageSize=100')).json();
    expect(theirList.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const theirQueue = (await strangeOfficial.get('/api/v1/institutions/filings?state=all')).json();
    expect(theirQueue.items.map((i: { institutionId: string }) => i.institutionId)).not.toContain(id);
    const created = await strangeOfficial.post('/api/v1/institutions', { name: '越界托育园', divisionCode: world.townshipCodes[0] });
    expect(created.statusCode).toBe(422);
  });

  it('still lets the right people act on the institution after all of that', async () => {
    const record = (await director().get(`${base()}/record`)).json();
    expect(record.allowedActions).toEqual(['submit', 'discard_changes']);
    const official = as(t, world.actors.district_official.cookie);
    expect((await official.post(`${base()}/transitions`, { action: 'suspend', reason: '检查' })).statusCode).toBe(200);
    expect((await official.post(`${base()}/transitions`, { action: 'reinstate', reason: '整改完成' })).statusCode).toBe(200);
  });
});
