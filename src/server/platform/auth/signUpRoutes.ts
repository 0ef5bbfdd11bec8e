import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { PUBLIC } from '../access/access.ts';
import { auditContext, clientInfo } from '../access/plugin.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';
import { localeOf } from '../i18n/locale.ts';
import { register, resetPassword } from './registration.ts';
import { CodeRequest, Me, PasswordResetRequest, RegisterRequest } from './schemas.ts';
import { getMe } from './service.ts';
import { sessionCookie } from './sessionToken.ts';
import { requestCode } from './verificationCodes.ts';

/** Sign-up and a forgotten password, both proved by an SMS code. */
export async function signUpRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { name: cookieName, options: cookieOptions } = sessionCookie(deps.config);
  const rateLimit = { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post('/api/v1/auth/verification-codes', {
    config: { access: PUBLIC, rateLimit },
    schema: {
      tags: ['auth'],
      summary: '获取短信验证码 Send a 6-digit code by SMS (valid 10 minutes)',
      description:
        '202 always: whether or not the number has an account, and also when no code is sent because the number had one in the last 60 s or 10 in a day, or the address asked for too many in an hour.',
      body: CodeRequest,
      response: { 202: z.null(), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const ip = clientInfo(request).ip ?? 'unknown';
      await requestCode(deps, request.body.phone, request.body.purpose, ip, localeOf(request));
      return reply.status(202).send(null);
    },
  });

  app.post('/api/v1/auth/register', {
    config: { access: PUBLIC, rateLimit },
    schema: {
      tags: ['auth'],
      summary: '注册 Sign up as a parent with the SMS code; signed in',
      description: '400 CODE_INVALID for a wrong, expired or used-up code, and in the same words when the number has an account.',
      body: RegisterRequest,
      response: { 201: Me, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const session = await register(deps, request.body, clientInfo(request), auditContext(request));
      reply.setCookie(cookieName, session.token, { ...cookieOptions, expires: session.expiresAt });
      return reply.status(201).send(await getMe(deps, session.userId));
    },
  });

  app.post('/api/v1/auth/password-reset', {
    config: { access: PUBLIC, rateLimit },
    schema: {
      tags: ['auth'],
      summary: '重置密码 Set a new password with the SMS code; every session of the account ends',
      body: PasswordResetRequest,
      response: { 204: z.null(), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      await resetPassword(deps, request.body, clientInfo(request), auditContext(request));
      return reply.status(204).send(null);
    },
  });
}
