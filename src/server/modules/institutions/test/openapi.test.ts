import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';

/** The web pages are built against the OpenAPI document, so every route must be in it, described. */
describe('institutions in the OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, { summary?: string; parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
  };
  beforeAll(async () => {
    t = await buildTestApp('pglite');
    doc = (await t.app.inject({ url: '/api/docs/json' })).json();
  });
  afterAll(() => t.close());

  it('lists every route with a summary', () => {
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/institutions'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.summary]));
    const mine = [
      'GET /api/v1/institutions',
      'POST /api/v1/institutions',
      'GET /api/v1/institutions/search',
      'GET /api/v1/institutions/map-tiles',
      'GET /api/v1/institutions/filings',
      'GET /api/v1/institutions/filings/{filingId}',
      'GET /api/v1/institutions/compliance',
      'GET /api/v1/institutions/settings',
      'PUT /api/v1/institutions/settings',
      'GET /api/v1/institutions/{id}',
      'PATCH /api/v1/institutions/{id}',
      'GET /api/v1/institutions/{id}/record',
      'POST /api/v1/institutions/{id}/transitions',
      'POST /api/v1/institutions/{id}/classes',
      'PATCH /api/v1/institutions/{id}/classes/{classId}',
      'DELETE /api/v1/institutions/{id}/classes/{classId}',
      'POST /api/v1/institutions/{id}/staff',
      'PATCH /api/v1/institutions/{id}/staff/{staffId}',
      'DELETE /api/v1/institutions/{id}/staff/{staffId}',
      'POST /api/v1/institutions/{id}/files',
      'GET /api/v1/institutions/{id}/files/{fileId}',
      'DELETE /api/v1/institutions/{id}/files/{fileId}',
      'GET /api/v1/institutions/{id}/photos/{fileId}',
      'POST /api/v1/institutions/{id}/designations',
      'POST /api/v1/institutions/{id}/designations/{designationId}/revoke',
    ];
    // Other modules add routes under an institution too (enrollments, statements, …).
    expect(routes.map(([route]) => route)).toEqual(expect.arrayContaining(mine));
    for (const [route, summary] of routes) expect(summary, route).toBeTruthy();
  });

  it('documents the search contract’s query parameters', () => {
    const names = doc.paths['/api/v1/institutions/search']?.get?.parameters?.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'lat',
        'lng',
        'radiusKm',
        'division',
        'birthDate',
        'startDate',
        'vacancy',
        'inclusive',
        'q',
        'feeFrom',
        'feeTo',
        'serviceForm',
        'page',
        'pageSize',
      ]),
    );
    expect(doc.paths['/api/v1/institutions/{id}/transitions']?.post?.requestBody).toBeDefined();
  });
});
