import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../test/harness/factories/enrollments.ts';
import { ACTORS, createRoleWorld, type RoleWorld } from '../../../../test/harness/roles.ts';

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
};
type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

// Numbers JSON.stringify cannot write as themselves are spliced into the JSON text.
const BIG = '9007199254740993';
const HUGE = '1e308';
const BAD_VALUES: { name: string; value: string; json: string; inPath: boolean }[] = [
  { name: 'NUL', value: 'a\u0000b', json: JSON.stringify('a\u0000b'), inPath: true },
  // In a path, a surrogate half (invalid UTF-8) and over 100 characters are refused by the router
  // before any route runs; its error shape is a separate finding.
  { name: 'lone surrogate', value: '\ud800', json: JSON.stringify('\ud800'), inPath: false },
  { name: '100 kB string', value: 'x'.repeat(100_000), json: JSON.stringify('x'.repeat(100_000)), inPath: false },
  { name: '2^53+1', value: BIG, json: BIG, inPath: true },
  { name: '1e308', value: HUGE, json: HUGE, inPath: true },
  { name: 'impossible date', value: '2026-02-30', json: '"2026-02-30"', inPath: true },
  { name: 'negative', value: '-1', json: '-1', inPath: true },
  { name: 'object', value: '[object Object]', json: '{"$gt":""}', inPath: false },
];
const DEEP_JSON = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
const PROTO_JSON = '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}';

// A surrogate half cannot be percent-encoded as UTF-8; send the bytes a careless client would.
function encode(value: string) {
  return value === '\ud800' ? '%ED%A0%80' : encodeURIComponent(value);
}

const SAMPLES = ['00000000-0000-4000-8000-000000000000', '2026-11-27T10:20:00+08:00', '2026-11-27', '320706', '320706001', '13900000000'];

/** A value the schema probably accepts, so that one bad field is what gets judged. */
function plausible(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  const s = schema.anyOf?.find((x) => x.type !== 'null') ?? schema;
  if (s.enum) return s.enum[0];
  if (s.type === 'boolean') return true;
  if (s.type === 'number' || s.type === 'integer') return Math.max(s.minimum ?? 1, 1);
  if (s.type === 'array') return Array.from({ length: s.minItems ?? 0 }, () => plausible(s.items, depth + 1));
  if (s.type === 'object' || s.properties) {
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, depth + 1)]));
  }
  if (s.format === 'uuid') return SAMPLES[0];
  if (s.format === 'date-time') return SAMPLES[1];
  const pattern = s.pattern ? new RegExp(s.pattern) : undefined;
  return (pattern && SAMPLES.find((x) => pattern.test(x))) ?? 'x'.repeat(Math.max(s.minLength ?? 1, 1));
}

/** Every request the walk sends for one operation. */
function badRequests(
  path: string,
  method: string,
  op: Operation,
  real: Record<string, string>,
): { label: string; request: InjectOptions }[] {
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const json = op.requestBody?.content?.['application/json'];
  const bodyProps = Object.keys(json?.schema?.properties ?? {});
  const stringProps = Object.entries(json?.schema?.properties ?? {})
    .filter(([, v]) => (v.anyOf?.find((x) => x.type !== 'null') ?? v).type === 'string')
    .map(([k]) => k);
  const url = (fill: (name: string) => string, query = '') =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => encode(fill(name))) + (query ? `?${query}` : '');
  // Real records where the path names one, so a bad field gets as far as it can towards the
  // database; elsewhere well-formed placeholders, so the bad part under test is what is judged.
  const resource = path.split('/')[3] ?? '';
  const fine = (name: string) =>
    (name === 'id' ? real[resource] : undefined) ??
    ({ code: '320706', date: '2026-11-27', year: '2026', month: '2026-11' } as Record<string, string>)[name] ??
    '00000000-0000-4000-8000-000000000000';
  const out: { label: string; request: InjectOptions }[] = [];
  const withBody = (payload?: string) =>
    payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } as Record<string, string> };
  const goodBody = json ? '{}' : undefined;
  for (const bad of BAD_VALUES) {
    if (pathParams.length > 0 && bad.inPath) {
      out.push({ label: `path ${bad.name}`, request: { method, url: url(() => bad.value), ...withBody(goodBody) } });
    }
    if (queryParams.length > 0) {
      const query = queryParams.map((q) => `${q}=${encode(bad.value)}`).join('&');
      out.push({ label: `query ${bad.name}`, request: { method, url: url(fine, query), ...withBody(goodBody) } });
    }
    if (bodyProps.length > 0) {
      const body = `{${bodyProps.map((p) => `${JSON.stringify(p)}:${bad.json}`).join(',')}}`;
      out.push({ label: `body ${bad.name}`, request: { method, url: url(fine), ...withBody(body) } });
    }
  }
  // One text field bad in an otherwise plausible body: what reaches the database if nothing stops it.
  for (const field of stringProps) {
    for (const bad of BAD_VALUES.slice(0, 2)) {
      const body = JSON.stringify({ ...(plausible(json?.schema) as object), [field]: bad.value });
      out.push({ label: `body.${field} ${bad.name}`, request: { method, url: url(fine), ...withBody(body) } });
    }
  }
  if (queryParams.length > 0) {
    out.push({ label: 'query prototype keys', request: { method, url: url(fine, '__proto__=x&constructor=y'), ...withBody(goodBody) } });
  }
  if (json) {
    out.push({ label: 'body 5,000 levels deep', request: { method, url: url(fine), ...withBody(DEEP_JSON) } });
    out.push({ label: 'body prototype keys', request: { method, url: url(fine), ...withBody(PROTO_JSON) } });
    if (bodyProps[0]) {
      const nested = `{${JSON.stringify(bodyProps[0])}:${PROTO_JSON}}`;
      out.push({ label: 'body nested prototype keys', request: { method, url: url(fine), ...withBody(nested) } });
    }
  }
  return out;
}

/**
 * Walks every route of the OpenAPI document with bad input as a user the route admits: no 5xx,
 * every error in the standard shape, and a refused request changes nothing.
 */
describe.each(DIALECTS)('bad input on every route on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let doc: OpenApi;
  let countRows: () => Promise<number>;
  let real: Record<string, string>;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    doc = t.app.swagger() as unknown as OpenApi;
    const child = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: world.actors.parent.userId });
    real = { institutions: world.institutionId, children: child.childId, classes: child.classId };
    const tables = await t.deps.db.introspection.getTables();
    // Sessions are touched and login attempts counted on reads; neither is a change a request asked for.
    const counted = tables.map((table) => table.name).filter((name) => !['sessions', 'schema_migrations'].includes(name));
    const total = sql.join(
      counted.map((name) => sql`(select count(*) from ${sql.table(name)})`),
      sql` + `,
    );
    countRows = async () => Number((await sql<{ n: string }>`select ${total} as n`.execute(t.deps.db)).rows[0]?.n);
  });
  afterAll(() => t.close());

  it('answers every bad request with a 4xx in the standard shape and changes nothing when it refuses', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const requests = badRequests(path, method.toUpperCase(), op, real);
        if (requests.length === 0) continue;
        const cookie = await admittedCookie(requests[0]?.request as InjectOptions);
        const before = await countRows();
        let accepted = false;
        for (const { label, request } of requests) {
          const res = await t.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...(cookie ? { cookie } : {}) } });
          sent += 1;
          const where = `${method.toUpperCase()} ${path} (${label}) → ${res.statusCode}`;
          if (res.statusCode < 400) accepted = true;
          if (res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 200)}`);
          const body = safeJson(res.body) as { error?: { code?: unknown; message?: unknown } } | undefined;
          if (res.statusCode >= 400 && (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')) {
            failures.push(`${where}: not the standard error shape: ${res.body.slice(0, 200)}`);
          }
        }
        // Counted per route: when every request was refused, not a row may have come or gone.
        const after = await countRows();
        if (!accepted && after !== before) failures.push(`${method.toUpperCase()} ${path}: refused, but rows changed ${before} → ${after}`);
      }
    }
    expect(sent).toBeGreaterThan(700);
    expect(failures).toEqual([]);
  });

  /** The first actor the route admits (its bad input reaches validation, not a 401 or 403). */
  async function admittedCookie(probe: InjectOptions) {
    for (const name of ACTORS) {
      const cookie = world.actors[name].cookie;
      const res = await t.app.inject({ ...probe, headers: { ...(probe.headers ?? {}), ...(cookie ? { cookie } : {}) } });
      if (res.statusCode !== 401 && res.statusCode !== 403) return cookie;
    }
    return undefined;
  }
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
