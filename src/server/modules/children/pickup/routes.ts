import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { ChildParams } from '../common/schemas.ts';
import { NewPickupPerson, PickupPersonParams, PickupPersonView } from './schemas.ts';
import { addPickupPerson, listPickupPersons, revokePickupPerson } from './service.ts';

export async function pickupRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['daily care'];

  app.get('/api/v1/children/:id/pickup-persons', {
    config: { access: roles('parent', 'institution_admin', 'caregiver') },
    schema: {
      tags,
      summary: '接送人 Who may collect the child (guardians see revoked ones too; audited read)',
      params: ChildParams,
      response: { 200: z.object({ items: z.array(PickupPersonView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listPickupPersons(deps, scope(request), request.params.id, auditContext(request)) }),
  });

  app.post('/api/v1/children/:id/pickup-persons', {
    config: { access: roles('parent') },
    schema: {
      tags,
      summary: '授权接送人 A guardian authorises a person to collect the child',
      params: ChildParams,
      body: NewPickupPerson,
      response: { 201: PickupPersonView, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addPickupPerson(deps, scope(request), request.params.id, request.body, auditContext(request))),
  });

  app.delete('/api/v1/children/:id/pickup-persons/:personId', {
    config: { access: roles('parent') },
    schema: {
      tags,
      summary: '撤销接送人 A guardian revokes an authorisation (kept for the record; idempotent)',
      params: PickupPersonParams,
      response: { 204: z.null().describe('Revoked'), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      await revokePickupPerson(deps, scope(request), request.params.id, request.params.personId, auditContext(request));
      return reply.status(204).send(null);
    },
  });
}
