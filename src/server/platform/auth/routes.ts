import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { PUBLIC, SIGNED_IN_ENROLLMENT } from '../access/access.ts';
import { actorOf, auditContext, clientInfo } from '../access/plugin.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';
import { LoginRequest, Me, Session, TotpConfirm, TotpSetup, TotpSetupRequest } from './schemas.ts';
import { confirmTotpEnrollment, getMe, login, logout, startTotpEnrollment } from './service.ts';
import { sessionCookie } from './sessionToken.ts';

export async function authRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { name: cookieName, options: cookieOptions } = sessionCookie(deps.config);

  app.post('/api/v1/auth/login', {
    config: {
      access: { kind: 'public' },
      rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['auth'],
      summary: '登录 Sign in with phone number and password (and TOTP when enrolled)',
      body: LoginRequest,
      response: { 200: Me, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const session = await login(deps, request.body, clientInfo(request), auditContext(request));
      reply.setCookie(cookieName, session.token, { ...cookieOptions, expires: session.expiresAt });
      return getMe(deps, session.userId);
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { access: SIGNED_IN_ENROLLMENT },
    schema: { tags: ['auth'], summary: '退出登录 Sign out this session', response: { 204: z.null(), ...ErrorResponses } },
    handler: async (request, reply) => {
      await logout(deps, actorOf(request), auditContext(request), false);
      reply.clearCookie(cookieName, cookieOptions);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/auth/logout-all', {
    config: { access: SIGNED_IN_ENROLLMENT },
    schema: { tags: ['auth'], summary: '退出所有设备 Sign out everywhere', response: { 204: z.null(), ...ErrorResponses } },
    handler: async (request, reply) => {
      await logout(deps, actorOf(request), auditContext(request), true);
      reply.clearCookie(cookieName, cookieOptions);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/auth/me', {
    config: { access: SIGNED_IN_ENROLLMENT },
    schema: { tags: ['auth'], summary: '当前用户 The signed-in user, roles and scopes', response: { 200: Me, ...ErrorResponses } },
    handler: (request) => getMe(deps, actorOf(request).userId),
  });

  // The web app asks this on every page, also for anonymous visitors: "nobody" is an answer
  // there, not an error (a 401 would show in every browser console). /me keeps its 401 for
  // scripts and clients that need a session.
  app.get('/api/v1/auth/session', {
    config: { access: PUBLIC },
    schema: {
      tags: ['auth'],
      summary: '当前会话 The signed-in user, or null for a visitor without a session',
      response: { 200: Session, ...ErrorResponses },
    },
    handler: async (request) => ({ user: request.actor ? await getMe(deps, request.actor.userId) : null }),
  });

  app.post('/api/v1/auth/totp/setup', {
    config: { access: SIGNED_IN_ENROLLMENT },
    schema: {
      tags: ['auth'],
      summary: '开始两步验证 Start TOTP enrollment; an account that has one sends its current code',
      description:
        '403 TOTP_CODE_REQUIRED without `code` when TOTP is on; the current secret stays in force until the new one is confirmed.',
      body: TotpSetupRequest,
      response: { 200: TotpSetup, ...ErrorResponses },
    },
    handler: (request) => startTotpEnrollment(deps, actorOf(request), request.body.code, auditContext(request)),
  });

  app.post('/api/v1/auth/totp/enable', {
    config: { access: SIGNED_IN_ENROLLMENT },
    schema: {
      tags: ['auth'],
      summary: '确认两步验证 Confirm TOTP with a current code',
      body: TotpConfirm,
      response: { 204: z.null(), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      await confirmTotpEnrollment(deps, actorOf(request), request.body.code, auditContext(request));
      return reply.status(204).send(null);
    },
  });
}
