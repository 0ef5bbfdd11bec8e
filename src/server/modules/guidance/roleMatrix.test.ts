import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';

/** Articles are the city health commission's: its officials write and review them, nobody else. */
const CITY_ONLY = (ok: number) => ({
  anonymous: 401,
  parent: 403,
  institution_admin: 403,
  caregiver: 403,
  district_official: 403,
  city_official: ok,
  admin: 403,
});
const NOBODY = {
  anonymous: 404,
  parent: 404,
  institution_admin: 404,
  caregiver: 404,
  district_official: 404,
  city_official: 404,
  admin: 404,
};
const EVERYONE = {
  anonymous: 200,
  parent: 200,
  institution_admin: 200,
  caregiver: 200,
  district_official: 200,
  city_official: 200,
  admin: 200,
};

describe.each(DIALECTS)('guidance articles role matrix on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let articleId: string;
  let slug: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { cookie: world.actors.city_official.cookie as string },
      payload: { title: '矩阵', slug: `matrix-${process.pid}`, category: 'news', content: doc('正文') },
    });
    articleId = res.json().id;
    slug = res.json().slug;
  });
  afterAll(() => t.close());

  const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  let n = 0;

  it('officials’ routes', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/articles' }, CITY_ONLY(200));
    await expectRoleMatrix(t, world, { url: `/api/v1/articles/${articleId}` }, CITY_ONLY(200));
    await expectRoleMatrix(t, world, { url: '/api/v1/article-settings' }, CITY_ONLY(200));
    await expectRoleMatrix(
      t,
      world,
      () => ({
        method: 'POST',
        url: '/api/v1/articles',
        payload: { title: '新', slug: `matrix-new-${process.pid}-${++n}`, category: 'news', content: doc('新') },
      }),
      CITY_ONLY(201),
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/articles/${articleId}`, payload: { title: '改', slug, category: 'news', content: doc('改') } },
      CITY_ONLY(200),
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/articles/pasted-html', payload: { html: '<p>x</p>' } },
      CITY_ONLY(200),
    );
    await expectRoleMatrix(t, world, { method: 'PUT', url: '/api/v1/article-settings', payload: { hosts: ['gov.cn'] } }, CITY_ONLY(200));
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/articles/${articleId}/transitions`, payload: { action: 'submit' } },
      CITY_ONLY(200),
    );
  });

  it('public routes, and a draft is not public', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/public/articles?category=news' }, EVERYONE);
    await expectRoleMatrix(t, world, { url: `/api/v1/public/articles/${slug}` }, NOBODY);
  });
});
