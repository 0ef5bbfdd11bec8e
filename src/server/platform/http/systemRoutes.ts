import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import client from 'prom-client';
import { z } from 'zod';
import { readMigrations } from '../../db/migrate.ts';
import type { Deps } from '../../deps.ts';
import { PUBLIC } from '../access/access.ts';

const VERSION = '0.1.0';

/** Health for load balancers, metrics for Prometheus, and what the web app needs to know first. */
export const systemRoutes = fp(async (server: FastifyInstance, deps: Deps & { isDemo: () => Promise<boolean> }) => {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'tuoyu_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  server.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/api/v1/health', {
    config: { access: PUBLIC, rateLimit: false },
    schema: {
      tags: ['system'],
      summary: '健康检查 Health with database status',
      response: {
        200: z.object({ status: z.literal('ok'), database: z.literal('ok'), dialect: z.string() }),
        503: z.object({ status: z.literal('degraded'), database: z.literal('unavailable'), dialect: z.string() }),
      },
    },
    handler: async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const, database: 'ok' as const, dialect: deps.database.kind };
      } catch {
        return reply.status(503).send({ status: 'degraded' as const, database: 'unavailable' as const, dialect: deps.database.kind });
      }
    },
  });

  // The migrations this code needs; a row missing from schema_migrations means one is pending,
  // or still running in another process (its transaction has not committed the row yet).
  const needed = readMigrations().map((m) => m.name);
  const NotReady = z.object({
    status: z.literal('not_ready'),
    database: z.enum(['ok', 'unavailable']),
    migrations: z.enum(['pending', 'unknown']),
  });
  app.get('/api/v1/health/ready', {
    config: { access: PUBLIC, rateLimit: false },
    schema: {
      tags: ['system'],
      summary: '就绪检查 Readiness: the database answers and every migration is applied',
      response: {
        200: z.object({ status: z.literal('ready'), database: z.literal('ok'), migrations: z.literal('ok') }),
        503: NotReady,
      },
    },
    handler: async (_request, reply) => {
      let applied: Set<string>;
      try {
        const rows = await sql<{ name: string }>`select name from schema_migrations`.execute(deps.db);
        applied = new Set(rows.rows.map((r) => r.name));
      } catch {
        return reply.status(503).send({ status: 'not_ready' as const, database: 'unavailable' as const, migrations: 'unknown' as const });
      }
      if (needed.some((name) => !applied.has(name))) {
        return reply.status(503).send({ status: 'not_ready' as const, database: 'ok' as const, migrations: 'pending' as const });
      }
      return { status: 'ready' as const, database: 'ok' as const, migrations: 'ok' as const };
    },
  });

  app.get('/api/v1/meta', {
    config: { access: PUBLIC },
    schema: {
      tags: ['system'],
      summary: '系统信息 Whether this is a demo, and the version',
      response: { 200: z.object({ demo: z.boolean(), version: z.string() }) },
    },
    handler: async () => ({ demo: await deps.isDemo(), version: VERSION }),
  });

  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
});
