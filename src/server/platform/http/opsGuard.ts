import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError } from '../errors/AppError.ts';

const isOpsRoute = (route: string) => route === '/metrics' || route === '/api/docs' || route.startsWith('/api/docs/');

/**
 * In production /metrics (process and route details) and /api/docs (the map of every route) answer
 * only to `Authorization: Bearer METRICS_TOKEN`, and not at all when no token is set. Development keeps
 * them open. The API types are built from `app.swagger()` in-process and need neither.
 */
export const opsGuard = fp(async (app: FastifyInstance, options: { config: Config }) => {
  const { config } = options;
  if (config.env !== 'production') return;
  const expected = config.metricsToken === undefined ? undefined : digest(config.metricsToken);
  app.addHook('onRequest', async (request) => {
    if (!isOpsRoute(request.routeOptions.url ?? '')) return;
    if (!expected) throw new AppError('ROUTE_NOT_FOUND');
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    // Compared as digests: equal lengths for timingSafeEqual, and no early exit on a prefix.
    if (!given || !timingSafeEqual(digest(given), expected)) throw new AppError('METRICS_TOKEN_REQUIRED');
  });
});

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
