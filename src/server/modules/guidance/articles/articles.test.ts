import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { notificationsOf } from '../../../../../test/harness/notifications.ts';
import { checkPublishedArticles, publishDueArticles } from './jobs.ts';

type Official = { id: string; cookie: string };

const paragraph = (text: string, href?: string) => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(href ? { marks: [{ type: 'link', attrs: { href } }] } : {}) }],
});
let slugs = 0;
const article = (content: object[], overrides: object = {}) => ({
  title: '普惠托育政策解读',
  slug: `policy-${process.pid}-${++slugs}`,
  category: 'policy',
  summary: '摘要',
  content: { type: 'doc', content },
  ...overrides,
});

describe.each(DIALECTS)('articles on %s', (dialect) => {
  let t: TestApp;
  let author: Official;
  let reviewer: Official;

  const official = async (): Promise<Official> => {
    const user = await createUser(t.deps.db, { role: 'city_official', divisionCode: '320700' });
    return { id: user.id, cookie: await signIn(t.app, user.phone) };
  };
  const send = (who: Official | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: who ? { cookie: who.cookie } : {} });
  const step = (who: Official, id: string, body: object) => send(who, 'POST', `/api/v1/articles/${id}/transitions`, body);
  const write = async (content: object[], overrides: object = {}) => {
    const res = await send(author, 'POST', '/api/v1/articles', article(content, overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const published = async (content: object[], overrides: object = {}) => {
    const a = await write(content, overrides);
    expect((await step(author, a.id, { action: 'submit' })).statusCode).toBe(200);
    expect((await step(reviewer, a.id, { action: 'approve' })).statusCode).toBe(200);
    return a;
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect, { publicOrigins: ['https://tuoyu.example.gov.cn'] });
    author = await official();
    reviewer = await official();
  });
  afterAll(() => t.close());

  it('refuses a javascript: link and unknown nodes at their field, writing nothing', async () => {
    const before = (await send(author, 'GET', '/api/v1/articles')).json().items.length;
    const bad = await send(author, 'POST', '/api/v1/articles', article([paragraph('点我', ' javascript:alert(1)')]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^body\.content/);
    const image = await send(author, 'POST', '/api/v1/articles', article([{ type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } }]));
    expect(image.statusCode).toBe(400);
    expect((await send(author, 'GET', '/api/v1/articles')).json().items.length).toBe(before);
  });

  it('two people: the author cannot approve; another official can, and both are recorded', async () => {
    const a = await write([paragraph('正文'), paragraph('外链', 'https://spam.example/buy')]);
    expect(a.externalLinks).toEqual([{ href: 'https://spam.example/buy', text: '外链', host: 'spam.example', allowed: false }]);
    expect((await step(author, a.id, { action: 'approve' })).statusCode).toBe(409);
    expect((await step(author, a.id, { action: 'submit' })).json().status).toBe('submitted');
    const own = await step(author, a.id, { action: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('ARTICLE_SECOND_OFFICIAL_REQUIRED');
    // A reviewer who edits the article becomes one of its writers and loses the right to approve it.
    const approved = await step(reviewer, a.id, { action: 'approve' });
    expect(approved.statusCode).toBe(200);
    const view = approved.json();
    expect(view.status).toBe('published');
    expect(view.approvedByName).toBe('测试city_official');
    expect(view.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve', 'publish']);
    expect((await notificationsOf(t, author.id)).map((n) => n.kind)).toContain('guidance.article_approved');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.id).orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['article.create', 'article.submit', 'article.approve', 'article.publish']);
  });

  it('an official who edited the draft cannot approve it either', async () => {
    const a = await write([paragraph('初稿')]);
    const edited = await send(reviewer, 'PUT', `/api/v1/articles/${a.id}`, article([paragraph('改稿')], { slug: a.slug }));
    expect(edited.json().version).toBe(2);
    await step(author, a.id, { action: 'submit' });
    expect((await step(reviewer, a.id, { action: 'approve' })).statusCode).toBe(403);
    const third = await official();
    expect((await step(third, a.id, { action: 'approve' })).statusCode).toBe(200);
  });

  it('only drafts change; every save is a revision; a return tells the author why', async () => {
    const a = await write([paragraph('第一版')]);
    await send(author, 'PUT', `/api/v1/articles/${a.id}`, article([paragraph('第二版')], { slug: a.slug }));
    await step(author, a.id, { action: 'submit' });
    const locked = await send(author, 'PUT', `/api/v1/articles/${a.id}`, article([paragraph('偷改')], { slug: a.slug }));
    expect(locked.statusCode).toBe(409);
    expect((await step(reviewer, a.id, { action: 'return' })).statusCode).toBe(400);
    const returned = await step(reviewer, a.id, { action: 'return', note: '请补充政策依据' });
    expect(returned.json().status).toBe('draft');
    const notes = await notificationsOf(t, author.id);
    expect(notes.filter((n) => n.kind === 'guidance.article_returned' && n.link?.endsWith(a.id))).toMatchObject([
      { params: { note: '请补充政策依据' } },
    ]);
    const view = (await send(author, 'GET', `/api/v1/articles/${a.id}`)).json();
    expect(view.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(view.html).toBe('<p>第二版</p>');
  });

  it('the public sees published articles only, by category and slug, with text escaped and outside links marked', async () => {
    const draft = await write([paragraph('草稿')], { category: 'news' });
    const a = await published([paragraph('<script>alert(1)</script>'), paragraph('购买', 'https://spam.example/')], { category: 'news' });
    expect((await send(undefined, 'GET', `/api/v1/public/articles/${draft.slug}`)).statusCode).toBe(404);
    const list = (await send(undefined, 'GET', '/api/v1/public/articles?category=news')).json().items.map((i: { slug: string }) => i.slug);
    expect(list).toContain(a.slug);
    expect(list).not.toContain(draft.slug);
    const page = await send(undefined, 'GET', `/api/v1/public/articles/${a.slug}`);
    expect(page.json().html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p><a href="https://spam.example/" rel="nofollow noopener ugc" target="_blank">购买</a></p>',
    );
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });

  it('HTML changed in the database is sanitised again on the way out, and the daily check flags it once', async () => {
    const a = await published([paragraph('正文')], { category: 'lecture' });
    await t.deps.db
      .updateTable('articles')
      .set({
        html: '<p>正文</p><script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">x</a><p style="display:none">隐藏</p>',
      })
      .where('id', '=', a.id)
      .execute();
    const html = (await send(undefined, 'GET', `/api/v1/public/articles/${a.slug}`)).json().html;
    expect(html).toBe('<p>正文</p><a>x</a><p>隐藏</p>');
    await Promise.all([checkPublishedArticles(t.deps), checkPublishedArticles(t.deps)]);
    await checkPublishedArticles(t.deps);
    const view = (await send(author, 'GET', `/api/v1/articles/${a.id}`)).json();
    expect(view.flags).toEqual([{ kind: 'html_changed' }]);
    const flaggedList = (await send(author, 'GET', '/api/v1/articles?flagged=true')).json().items.map((i: { id: string }) => i.id);
    expect(flaggedList).toContain(a.id);
    const told = (await notificationsOf(t, reviewer.id)).filter((n) => n.kind === 'guidance.article_flagged' && n.link?.endsWith(a.id));
    expect(told).toHaveLength(1);
  });

  it('the daily check flags links off the allowlist, link text hiding its host and invisible links; the city changes the list', async () => {
    const a = await published(
      [
        paragraph('市卫健委', 'https://wjw.lyg.gov.cn/'),
        paragraph('www.lyg.gov.cn', 'https://spam.example/'),
        paragraph('\u200b', 'https://hidden.example/'),
      ],
      { category: 'parenting' },
    );
    await checkPublishedArticles(t.deps);
    const kinds = (await send(author, 'GET', `/api/v1/articles/${a.id}`))
      .json()
      .flags.map((f: { kind: string; host?: string }) => `${f.kind}:${f.host ?? ''}`);
    expect(kinds).toEqual(['host_not_allowed:spam.example', 'text_hides_host:', 'host_not_allowed:hidden.example', 'invisible_link:']);
    const hosts = await send(author, 'PUT', '/api/v1/article-settings', { hosts: ['gov.cn', 'spam.example', 'hidden.example'] });
    expect(hosts.json().hosts).toEqual(['gov.cn', 'spam.example', 'hidden.example']);
    expect((await send(author, 'PUT', '/api/v1/article-settings', { hosts: ['bad host/'] })).statusCode).toBe(400);
    await checkPublishedArticles(t.deps);
    const after = (await send(author, 'GET', `/api/v1/articles/${a.id}`)).json().flags.map((f: { kind: string }) => f.kind);
    expect(after).toEqual(['text_hides_host', 'invisible_link']);
  });

  it('scheduled publishing: an approved article goes out at its time, once, with two processes claiming it', async () => {
    const a = await write([paragraph('预告')], { category: 'news' });
    await step(author, a.id, { action: 'submit' });
    const later = new Date(t.clock.now().getTime() + 2 * 3_600_000).toISOString();
    const approved = (await step(reviewer, a.id, { action: 'approve', publishAt: later })).json();
    expect(approved.status).toBe('approved');
    expect(approved.publishAt).toBe(later);
    await publishDueArticles(t.deps);
    expect((await send(undefined, 'GET', `/api/v1/public/articles/${a.slug}`)).statusCode).toBe(404);
    t.clock.advanceMinutes(121);
    const counts = await Promise.all([publishDueArticles(t.deps), publishDueArticles(t.deps)]);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(1);
    expect((await send(undefined, 'GET', `/api/v1/public/articles/${a.slug}`)).statusCode).toBe(200);
    const events = (await send(author, 'GET', `/api/v1/articles/${a.id}`)).json().events.map((e: { action: string }) => e.action);
    expect(events).toEqual(['submit', 'approve', 'publish']);
  });

  it('unpublishing takes the article off the public pages and clears its approval', async () => {
    const a = await published([paragraph('旧闻')], { category: 'news' });
    const back = (await step(author, a.id, { action: 'unpublish' })).json();
    expect(back).toMatchObject({ status: 'draft', approvedByName: null, publishedAt: null });
    expect((await send(undefined, 'GET', `/api/v1/public/articles/${a.slug}`)).statusCode).toBe(404);
  });

  it('a second article may not take a slug in use', async () => {
    const a = await write([paragraph('一')]);
    const dup = await send(author, 'POST', '/api/v1/articles', article([paragraph('二')], { slug: a.slug }));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].path).toBe('body.slug');
  });

  it('pasted HTML comes back through the allowlist', async () => {
    const res = await send(author, 'POST', '/api/v1/articles/pasted-html', {
      html: '<p style="color:#fff">买<a href="https://spam.example/">这里</a></p><script>alert(1)</script><img src=x onerror=alert(1)>',
    });
    expect(res.json().html).toBe('<p>买<a href="https://spam.example/" rel="nofollow noopener ugc" target="_blank">这里</a></p>');
  });
});
