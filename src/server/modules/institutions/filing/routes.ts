import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { FilingDetail, FilingParams, FilingQueue, FilingQueueQuery, TransitionBody, TransitionResult } from './schemas.ts';
import { getFiling, listFilings } from './service.ts';
import { transition } from './transition.ts';

const tags = ['institutions: filing'];

/** Filing (备案): the workflow transitions, the review queue and one filing. */
export async function filingRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/institutions/:id/transitions', {
    config: { access: roles('institution_admin', 'district_official', 'city_official') },
    schema: {
      tags,
      summary:
        '备案流程操作 Take a filing workflow action (submit, start_review, file, return, discard_changes, suspend, reinstate, close)',
      description:
        'Which role may take which action in which status is the table in src/domain/institutions/filingWorkflow.ts; the record lists the caller’s allowedActions. 403 when the role can never take the action, 409 TRANSITION_NOT_ALLOWED (details.allowed) when the status does not offer it, 422 FILING_INCOMPLETE or FILING_CHECKLIST_INCOMPLETE with the missing items in details.',
      params: InstitutionParams,
      body: TransitionBody,
      response: { 200: TransitionResult, ...ErrorResponses, 409: ErrorBody, 422: ErrorBody },
    },
    handler: async (request) => {
      const result = await transition(deps, scope(request), auditContext(request), request.params.id, request.body);
      return {
        status: result.status,
        ...('filingId' in result ? { filingId: result.filingId as string } : {}),
        ...('receiptNumber' in result ? { receiptNumber: result.receiptNumber as string } : {}),
      };
    },
  });

  app.get('/api/v1/institutions/filings', {
    config: { access: roles('district_official', 'city_official') },
    schema: {
      tags,
      summary: '备案审核队列 Filings in the caller’s district (or city), open ones oldest first',
      querystring: FilingQueueQuery,
      response: { 200: FilingQueue, ...ErrorResponses },
    },
    handler: (request) => listFilings(deps, scope(request), request.query),
  });

  app.get('/api/v1/institutions/filings/:filingId', {
    config: { access: roles('institution_admin', 'district_official', 'city_official') },
    schema: {
      tags,
      summary: '备案详情 One filing: the submitted snapshot, the filed version before it, the checklist',
      params: FilingParams,
      response: { 200: FilingDetail, ...ErrorResponses },
    },
    handler: (request) => getFiling(deps, scope(request), request.params.filingId),
  });
}
