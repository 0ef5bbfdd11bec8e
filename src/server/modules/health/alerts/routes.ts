import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import {
  AlertIdParams,
  AlertsQuery,
  IllnessAlertList,
  IllnessAlertSettingsBody,
  IllnessAlertSettingsView,
  IllnessAlertView,
} from './schemas.ts';
import { acknowledgeIllnessAlert, getIllnessAlertSettings, listIllnessAlerts, updateIllnessAlertSettings } from './service.ts';

const tags = ['health'];

/**
 * Illness-cluster alerts from morning checks: the director of the institution and the district
 * health bureau must each acknowledge; the city health commission sees and may acknowledge all.
 * Caregivers record the checks but do not handle alerts.
 */
export async function alertRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const access = roles('institution_admin', 'district_official', 'city_official');

  app.get('/api/v1/illness-alerts', {
    config: { access },
    schema: {
      tags,
      summary: '聚集性症状预警 Illness-cluster alerts in your scope, and how many wait for your acknowledgement',
      description: 'Directors see their institution’s alerts with the children named (audited); officials see counts only.',
      querystring: AlertsQuery,
      response: { 200: IllnessAlertList, ...ErrorResponses },
    },
    handler: (request) => listIllnessAlerts(deps, scope(request), request.query, auditContext(request)),
  });

  app.post('/api/v1/illness-alerts/:id/acknowledge', {
    config: { access },
    schema: {
      tags,
      summary: '确认预警 Acknowledge an alert at its present number of cases (idempotent, audited)',
      params: AlertIdParams,
      response: { 200: IllnessAlertView, ...ErrorResponses },
    },
    handler: (request) => acknowledgeIllnessAlert(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.get('/api/v1/illness-alerts/settings', {
    config: { access: roles('institution_admin', 'district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '预警设置 The fever line and the cases per class per day that raise an alert',
      response: { 200: IllnessAlertSettingsView, ...ErrorResponses },
    },
    handler: () => getIllnessAlertSettings(deps),
  });

  app.put('/api/v1/illness-alerts/settings', {
    config: { access: roles('admin') },
    schema: {
      tags,
      summary: '修改预警设置 Set the fever line and the alert threshold (audited)',
      body: IllnessAlertSettingsBody,
      response: { 200: IllnessAlertSettingsView, ...ErrorResponses },
    },
    handler: (request) => updateIllnessAlertSettings(deps, request.body, auditContext(request)),
  });
}
