import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles, SIGNED_IN } from '../../../platform/access/access.ts';
import { actorOf, auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { CreateInvitationBody, InvitationList, InvitationParams, InvitationView } from './schemas.ts';
import { acceptInvitation, inviteStaff, listInvitations, listMyInvitations, revokeInvitation } from './service.ts';

const tags = ['institutions: invitations'];
const DIRECTOR = roles('institution_admin');

/** Staff accounts: the director invites a number, its holder accepts, the director may revoke. */
export async function invitationRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/institutions/:id/invitations', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '邀请工作人员 Invite a phone number as caregiver or second director (SMS, valid 7 days)',
      params: InstitutionParams,
      body: CreateInvitationBody,
      response: { 201: InvitationView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await inviteStaff(deps, scope(request), auditContext(request), request.params.id, request.body)),
  });

  app.get('/api/v1/institutions/:id/invitations', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '邀请列表 The institution’s invitations with status pending / accepted / revoked / expired',
      params: InstitutionParams,
      response: { 200: InvitationList, ...ErrorResponses },
    },
    handler: (request) => listInvitations(deps, scope(request), request.params.id),
  });

  app.get('/api/v1/invitations', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: '我的邀请 Open invitations to the signed-in account’s phone number',
      response: { 200: InvitationList, ...ErrorResponses },
    },
    handler: (request) => listMyInvitations(deps, actorOf(request)),
  });

  app.post('/api/v1/invitations/:id/accept', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: '接受邀请 Accept an invitation to one’s own phone number: the role holds from the next request',
      params: InvitationParams,
      response: { 200: InvitationView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: (request) => acceptInvitation(deps, actorOf(request), auditContext(request), request.params.id),
  });

  app.post('/api/v1/invitations/:id/revoke', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '撤销邀请 Revoke an invitation; an accepted one loses its role at once',
      params: InvitationParams,
      response: { 200: InvitationView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: (request) => revokeInvitation(deps, scope(request), auditContext(request), request.params.id),
  });
}
