import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from '../errors/errorHandler.ts';
import { localeOf } from '../i18n/locale.ts';

/**
 * Serves the built web app and answers unknown paths: JSON 404 under /api, the app's
 * index.html elsewhere (client-side routes).
 */
export const webApp = fp(async (app: FastifyInstance, options: { distDir: string }) => {
  const index = path.join(options.distDir, 'index.html');
  const hasWeb = fs.existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset: a phone on a slow network gets a third of the bytes.
      preCompressed: true,
      setHeaders(reply, filePath) {
        // Built assets carry a content hash in their names; index.html must always be fresh.
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/metrics');
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('ROUTE_NOT_FOUND', localeOf(request)));
  });
});
