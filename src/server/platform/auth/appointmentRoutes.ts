import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { roles } from '../access/access.ts';
import { actorOf, auditContext } from '../access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../http/errorSchemas.ts';
import { createOfficialAccount, grantAppointment, revokeAppointment, searchAccounts, setAccountDisabled } from './appointments.ts';
import {
  AccountList,
  AccountParams,
  AccountRoleParams,
  AccountSearchQuery,
  AccountView,
  AppointedRoleGrant,
  CreateAccountRequest,
} from './schemas.ts';

const tags = ['accounts'];
const MANAGERS = roles('admin', 'city_official');

/**
 * The accounts page: officials are appointed, never self-registered. The admin appoints city and
 * district officials; a city official district officials of their city. Nobody changes their own
 * account; every grant, revocation, disabling and enabling is audited.
 */
export async function appointmentRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/users', {
    config: { access: MANAGERS },
    schema: {
      tags,
      summary: '账号查询 Accounts the caller manages, by part of a phone number or name: roles with scope, last sign-in, disabled',
      querystring: AccountSearchQuery,
      response: { 200: AccountList, ...ErrorResponses },
    },
    handler: (request) => searchAccounts(deps, actorOf(request), request.query.q),
  });

  app.post('/api/v1/users', {
    config: { access: MANAGERS },
    schema: {
      tags,
      summary: '开通官员账号 Create an official’s account; an SMS tells them to set a password with a code',
      body: CreateAccountRequest,
      response: { 201: AccountView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createOfficialAccount(deps, actorOf(request), auditContext(request), request.body)),
  });

  app.post('/api/v1/users/:id/roles', {
    config: { access: MANAGERS },
    schema: {
      tags,
      summary: '授予角色 Grant city_official or district_official with its division (no wider than one’s own)',
      params: AccountParams,
      body: AppointedRoleGrant,
      response: { 200: AccountView, ...ErrorResponses },
    },
    handler: (request) => grantAppointment(deps, actorOf(request), auditContext(request), request.params.id, request.body),
  });

  app.delete('/api/v1/users/:id/roles/:roleId', {
    config: { access: MANAGERS },
    schema: {
      tags,
      summary: '撤销角色 Take a role away; the account’s sessions lose it on their next request',
      params: AccountRoleParams,
      response: { 204: z.null(), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      await revokeAppointment(deps, actorOf(request), auditContext(request), request.params.id, request.params.roleId);
      return reply.status(204).send(null);
    },
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/api/v1/users/:id/${action}`, {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: disabled ? '停用账号 Disable an account: every session of it stops at once' : '启用账号 Enable a disabled account again',
        params: AccountParams,
        response: { 204: z.null(), ...ErrorResponses },
      },
      handler: async (request, reply) => {
        await setAccountDisabled(deps, actorOf(request), auditContext(request), request.params.id, disabled);
        return reply.status(204).send(null);
      },
    });
  }
}
