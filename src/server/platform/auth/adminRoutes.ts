import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { roles } from '../access/access.ts';
import { auditContext } from '../access/plugin.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';
import { resetSecondFactor, unlockSignIn } from './admin.ts';

const UserParams = z.object({ id: z.uuid({ message: 'id.invalid' }) });

/** What an admin does for another user's sign-in: both audited, both answer 404 for an unknown id. */
export async function authAdminRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/users/:id/totp/reset', {
    config: { access: roles('admin') },
    schema: {
      tags: ['auth'],
      summary: '重置两步验证 Remove a user’s second factor (a lost authenticator), audited',
      params: UserParams,
      response: { 204: z.null(), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      await resetSecondFactor(deps, request.params.id, auditContext(request));
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/users/:id/unlock', {
    config: { access: roles('admin') },
    schema: {
      tags: ['auth'],
      summary: '解除登录锁定 Lift sign-in locks and delays on a user’s phone number, audited',
      params: UserParams,
      response: { 204: z.null(), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      await unlockSignIn(deps, request.params.id, auditContext(request));
      return reply.status(204).send(null);
    },
  });
}
