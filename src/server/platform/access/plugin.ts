import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/auditLog.ts';
import { findActorBySession, touchSession } from '../auth/queries.ts';
import { sessionCookie, sessionIdOf } from '../auth/sessionToken.ts';
import { AppError } from '../errors/AppError.ts';
import { type Access, type Actor, hasOfficialRole, type Scope, scopeOf } from './access.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs. Every /api/v1 route must say; the server refuses to start otherwise. */
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

// Writing last_seen_at on every request would turn reads into writes; a few minutes is enough.
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * The one authorization mechanism: routes declare `config.access`; this hook resolves the
 * session and refuses what the declaration does not allow. Handlers then ask for `scope()`
 * and pass it to queries, which filter by it.
 */
export const accessPlugin = fp(async (app: FastifyInstance, deps: Deps) => {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    request.actor = await resolveActor(deps, request);
    enforce(deps, access, request.actor);
  });
});

async function resolveActor(deps: Deps, request: FastifyRequest): Promise<Actor | null> {
  const token = request.cookies[sessionCookie(deps.config).name];
  if (!token) return null;
  const now = deps.clock.now();
  const startedAfter = new Date(now.getTime() - deps.config.sessionMaxDays * 86_400_000);
  const found = await findActorBySession(deps.db, sessionIdOf(token), now, startedAfter);
  if (!found) return null;
  const { lastSeenAt, ...actor } = found;
  if (now.getTime() - lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.db, actor.sessionId, now, new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000));
  }
  return actor;
}

function enforce(deps: Deps, access: Access, actor: Actor | null) {
  if (access.kind === 'public') return;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const enrollmentOnly = access.kind === 'signedIn' && access.allowWithoutSecondFactor;
  if (deps.config.requireTotp && !enrollmentOnly && hasOfficialRole(actor) && !actor.totpEnabled) {
    throw new AppError('TOTP_ENROLMENT_REQUIRED');
  }
  if (access.kind === 'roles' && !actor.grants.some((g) => access.roles.includes(g.role))) {
    throw new AppError('FORBIDDEN');
  }
}

/** The caller's scope for this route; only call it on routes that are not public. */
export function scope(request: FastifyRequest): Scope {
  const access = request.routeOptions.config?.access;
  if (!request.actor || !access) throw new AppError('UNAUTHENTICATED');
  return scopeOf(request.actor, access);
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** Who acts, recorded with the role under which this route admitted them. */
export function auditContext(request: FastifyRequest): AuditContext {
  const access = request.routeOptions.config?.access;
  const admitted = request.actor && access ? scopeOf(request.actor, access).grants : (request.actor?.grants ?? []);
  const role = admitted[0]?.role ?? null;
  return {
    actorId: request.actor?.userId ?? null,
    actorRole: role,
    ip: request.ip,
    requestId: String(request.id),
    clientRequestId: clientRequestId(request),
  };
}

/** The id a client sent to correlate its own logs: recorded, never used as the request's id. */
function clientRequestId(request: FastifyRequest): string | null {
  const given = request.headers?.['x-request-id'];
  return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : null;
}

export function clientInfo(request: FastifyRequest) {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}
