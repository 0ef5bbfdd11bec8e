import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../../config.ts';

/** Helmet's defaults with our Content-Security-Policy: every answer, the API's and the web app's. */
export function securityHeaderOptions(config: Config): HelmetOptions {
  const tileOrigins = config.mapTiles ? [config.mapTiles.origin] : [];
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> elements; scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The map's tiles, only from the tile server configured (MAP_TILE_URL); maplibre fetches
        // them in its worker and draws them from blob: images.
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...tileOrigins],
        // maplibre's worker is a module served from 'self' (never blob:).
        workerSrc: ["'self'"],
        // An online lecture's video file plays in the page from the host its course names; that
        // address is checked against the allowed hosts when the course is written, and a video
        // element runs no script.
        mediaSrc: ["'self'", 'https:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The headers helmet would set, computed once. Our policy holds no per-request part (no nonce,
 * no directive computed from the request), so every answer carries the same strings; running
 * helmet per request, as @fastify/helmet does, rebuilt and re-parsed the policy each time and
 * cost about 3% of the server's CPU under the search bench.
 */
export function securityHeaderValues(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return [...headers];
}

/** Sets the security headers on every answer, the framework's own (404, errors) included. */
export const securityHeaders = fp(async (app: FastifyInstance, options: { config: Config }) => {
  const headers = securityHeaderValues(securityHeaderOptions(options.config));
  // On the raw response, as helmet did: a route that sets its own policy (the API docs') still wins.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
});
