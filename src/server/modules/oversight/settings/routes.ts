import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { OversightSettingsBody, OversightSettingsView } from './schemas.ts';
import { getOversightSettings, updateOversightSettings } from './service.ts';

const tags = ['oversight: settings'];

export async function settingsRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/oversight/settings', {
    config: { access: roles('district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '指标目标与可及性参数 The targets and the accessibility parameters in force',
      response: { 200: OversightSettingsView, ...ErrorResponses },
    },
    handler: () => getOversightSettings(deps),
  });

  app.put('/api/v1/oversight/settings', {
    // The city's own goals: its commission sets them, districts measure against them.
    config: { access: roles('city_official', 'admin') },
    schema: {
      tags,
      summary: '修改指标目标与可及性参数 Set the targets (places per 1,000, township coverage) and the accessibility parameters',
      body: OversightSettingsBody,
      response: { 200: OversightSettingsView, ...ErrorResponses },
    },
    handler: (request) => updateOversightSettings(deps, auditContext(request), request.body),
  });
}
