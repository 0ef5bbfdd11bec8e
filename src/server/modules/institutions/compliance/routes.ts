import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { ComplianceSummary, SettingsBody, SettingsView, SummaryQuery } from './schemas.ts';
import { complianceSummary, getSettings, updateSettings } from './service.ts';

const tags = ['institutions: compliance'];

/** Compliance counted per division, and the settings its checks use. */
export async function complianceRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/institutions/compliance', {
    config: { access: roles('district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '合规情况统计 Compliance problems counted per district or township',
      querystring: SummaryQuery,
      response: { 200: ComplianceSummary, ...ErrorResponses },
    },
    handler: (request) => complianceSummary(deps, scope(request), request.query.division),
  });

  app.get('/api/v1/institutions/settings', {
    config: { access: roles('institution_admin', 'district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '合规设置 Area minimums and the mixed-class ratio the compliance checks use',
      response: { 200: SettingsView, ...ErrorResponses },
    },
    handler: () => getSettings(deps),
  });

  app.put('/api/v1/institutions/settings', {
    config: { access: roles('admin') },
    schema: {
      tags,
      summary: '修改合规设置 Set the area minimums and the mixed-class ratio (the province’s figures)',
      body: SettingsBody,
      response: { 200: SettingsView, ...ErrorResponses },
    },
    handler: (request) => updateSettings(deps, auditContext(request), request.body),
  });
}
