import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError } from '../errors/AppError.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence beyond SameSite=Lax, which treats every subdomain of the registrable domain and
 * every port of the host as the same site. A state-changing API request must come from a page of
 * a trusted origin and carry JSON (or multipart on the upload routes): an HTML form can send
 * neither a trusted Origin nor a JSON content type.
 *
 * A request with neither `Origin` nor `Sec-Fetch-Site` passes: browsers send one of them on every
 * cross-site POST/PUT/PATCH/DELETE, so a request without both comes from a program (curl, a
 * script, the tests), which carries no victim's cookie to abuse.
 */
export const requestGuard = fp(async (app: FastifyInstance, options: { config: Config }) => {
  const { config } = options;
  const production = config.env === 'production';
  if (production && config.publicOrigins.length === 0) {
    throw new Error('PUBLIC_ORIGIN is required in production: the address users open, e.g. https://tuoyu.example.gov.cn');
  }
  const trusted = new Set(config.publicOrigins);
  if (!production) for (const host of ['localhost', '127.0.0.1']) trusted.add(`http://${host}:${config.port}`);

  const fromTrustedOrigin = (request: FastifyRequest): boolean => {
    const origin = request.headers.origin;
    if (origin === undefined) {
      const site = request.headers['sec-fetch-site'];
      return site === undefined || site === 'same-origin' || site === 'none';
    }
    if (trusted.has(origin)) return true;
    // In development the page's own host is trusted whatever its port or name (the Vite dev
    // server, 127.0.0.1, a LAN address); production lists its origins, since a proxy may rewrite Host.
    return !production && hostOf(origin) === request.headers.host;
  };

  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/')) return;
    if (!fromTrustedOrigin(request)) throw new AppError('CROSS_ORIGIN_REFUSED');
    if (!acceptableBody(request)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  });
});

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function acceptableBody(request: FastifyRequest): boolean {
  const { headers } = request;
  const type = headers['content-type'];
  const hasBody = type !== undefined || Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
  if (!hasBody) return true;
  const mime = type?.split(';')[0]?.trim().toLowerCase();
  if (mime === 'application/json') return true;
  return mime === 'multipart/form-data' && (request.routeOptions.schema?.consumes ?? []).includes('multipart/form-data');
}
