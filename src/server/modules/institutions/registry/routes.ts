import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles, SIGNED_IN } from '../../../platform/access/access.ts';
import { actorOf, auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { listInstitutions } from './list.ts';
import { CreateInstitutionBody, InstitutionList, InstitutionRecord, ListQuery, StartInstitutionBody, UpdateFactsBody } from './schemas.ts';
import { createInstitution, getRecord, startInstitution, updateFacts } from './service.ts';

const tags = ['institutions'];

/** The registry: officials list and open entries, anyone starts their own, directors keep their facts. */
export async function registryRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/institutions', {
    config: { access: roles('institution_admin', 'district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '机构登记列表 Registry entries in scope (own institution, district or city)',
      querystring: ListQuery,
      response: { 200: InstitutionList, ...ErrorResponses },
    },
    handler: (request) => listInstitutions(deps, scope(request), request.query),
  });

  app.post('/api/v1/institutions', {
    config: { access: roles('district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '新建机构登记 Open a draft registry entry in a township (the director completes it)',
      body: CreateInstitutionBody,
      response: { 201: InstitutionRecord, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const record = await createInstitution(deps, scope(request), auditContext(request), request.body);
      return reply.status(201).send(record);
    },
  });

  app.post('/api/v1/institutions/start', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: '创办机构 Start your own institution: a draft whose director you become, then complete its filing',
      body: StartInstitutionBody,
      response: { 201: InstitutionRecord, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const record = await startInstitution(deps, actorOf(request), auditContext(request), request.body);
      return reply.status(201).send(record);
    },
  });

  app.get('/api/v1/institutions/:id/record', {
    config: { access: roles('institution_admin', 'district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '机构档案 Full record: working copy, filed version, classes, staff, documents, designations, compliance, filings',
      params: InstitutionParams,
      response: { 200: InstitutionRecord, ...ErrorResponses },
    },
    handler: (request) => getRecord(deps, scope(request), request.params.id),
  });

  app.patch('/api/v1/institutions/:id', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '修改机构信息 Change facts (key facts of a filed institution wait for a change filing)',
      params: InstitutionParams,
      body: UpdateFactsBody,
      response: { 200: InstitutionRecord, ...ErrorResponses },
    },
    handler: (request) => updateFacts(deps, scope(request), auditContext(request), request.params.id, request.body),
  });
}
