import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { getChecklistSettings, updateChecklistSettings } from './checklistSettings.ts';
import { addInspector, getDirectory, recordConflict, setActive } from './directory.ts';
import { createRound, getRound, listRounds, type RiskEventCounter, rerunRound } from './rounds.ts';
import {
  ChecklistSettingsBody,
  ChecklistSettingsView,
  ConflictBody,
  DirectoryView,
  DivisionQuery,
  IdParams,
  InspectorActiveBody,
  InspectorBody,
  RerunView,
  RoundBody,
  RoundCreated,
  RoundListView,
  RoundView,
  TargetedInspectionView,
} from './schemas.ts';
import { orderTargetedInspection } from './targeted.ts';

const tags = ['supervision: inspections'];
const DISTRICT = roles('district_official');
const OFFICIALS = roles('district_official', 'city_official', 'admin');

/** The inspector directory, the rounds drawn from it, and the city's checklist. */
export async function roundRoutes(server: FastifyInstance, deps: Deps, counters: readonly RiskEventCounter[]) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/inspectors', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '检查人员名录 The district’s inspector directory',
      querystring: DivisionQuery,
      response: { 200: DirectoryView, ...ErrorResponses },
    },
    handler: (request) => getDirectory(deps, scope(request), request.query.divisionCode),
  });

  app.post('/api/v1/inspectors', {
    config: { access: DISTRICT },
    schema: {
      tags,
      summary: '添加检查人员 Add an inspector, optionally linked to a district official’s account',
      body: InspectorBody,
      response: { 201: DirectoryView, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addInspector(deps, scope(request), auditContext(request), request.body)),
  });

  app.put('/api/v1/inspectors/:id/active', {
    config: { access: DISTRICT },
    schema: {
      tags,
      summary: '启用或停用检查人员 Make an inspector (in)active',
      params: IdParams,
      body: InspectorActiveBody,
      response: { 200: DirectoryView, ...ErrorResponses },
    },
    handler: (request) => setActive(deps, scope(request), auditContext(request), request.params.id, request.body.active),
  });

  app.post('/api/v1/inspectors/:id/conflicts', {
    config: { access: DISTRICT },
    schema: {
      tags,
      summary: '登记回避关系 Record a conflict: the inspector is never drawn for that institution',
      params: IdParams,
      body: ConflictBody,
      response: { 200: DirectoryView, ...ErrorResponses },
    },
    handler: (request) => recordConflict(deps, scope(request), auditContext(request), request.params.id, request.body),
  });

  app.post('/api/v1/inspection-rounds', {
    config: { access: DISTRICT },
    schema: {
      tags,
      summary: '双随机抽取 Draw a round: institutions and at least two inspectors each, at random with a recorded seed',
      body: RoundBody,
      response: { 201: RoundCreated, ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createRound(deps, scope(request), auditContext(request), request.body, counters)),
  });

  app.post('/api/v1/complaints/:id/inspection', {
    config: { access: DISTRICT },
    schema: {
      tags,
      summary: '根据投诉安排检查 Order a targeted inspection of the institution an accepted complaint names; inspectors drawn at random',
      params: IdParams,
      response: { 201: TargetedInspectionView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await orderTargetedInspection(deps, scope(request), auditContext(request), request.params.id)),
  });

  app.get('/api/v1/inspection-rounds', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '抽查批次 The district’s rounds, newest first',
      querystring: DivisionQuery,
      response: { 200: RoundListView, ...ErrorResponses },
    },
    handler: (request) => listRounds(deps, scope(request), request.query.divisionCode),
  });

  app.get('/api/v1/inspection-rounds/:id', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '抽查批次详情 A round with its seed and inspections',
      params: IdParams,
      response: { 200: RoundView, ...ErrorResponses },
    },
    handler: (request) => getRound(deps, scope(request), request.params.id),
  });

  app.post('/api/v1/inspection-rounds/:id/rerun', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '复核抽取 Run the draw again from its stored seed and inputs and compare (audited)',
      params: IdParams,
      response: { 200: RerunView, ...ErrorResponses },
    },
    handler: (request) => rerunRound(deps, scope(request), auditContext(request), request.params.id),
  });

  app.get('/api/v1/inspection-settings', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '检查表与权重 The checklist, its weights and the risk weighting',
      response: { 200: ChecklistSettingsView, ...ErrorResponses },
    },
    handler: () => getChecklistSettings(deps),
  });

  app.put('/api/v1/inspection-settings', {
    config: { access: roles('city_official') },
    schema: {
      tags,
      summary: '修改检查表 Set the checklist items, their weights and the risk weighting (audited)',
      body: ChecklistSettingsBody,
      response: { 200: ChecklistSettingsView, ...ErrorResponses },
    },
    handler: (request) => updateChecklistSettings(deps, auditContext(request), request.body),
  });
}
