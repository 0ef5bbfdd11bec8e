import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { roles } from '../platform/access/access.ts';
import { actorOf, auditContext } from '../platform/access/plugin.ts';
import { ErrorResponses } from '../platform/http/errorSchemas.ts';
import { approveDeletion, listMyRequests, listRequestsForReview, rejectDeletion, requestDeletion } from './deletion.ts';
import {
  DeletionRequestBody,
  DeletionRequestForReview,
  DeletionRequestParams,
  DeletionRequestsForReview,
  MyDeletionRequest,
  MyDeletionRequests,
  RejectBody,
} from './deletionSchemas.ts';

/** A parent's right to erasure (PIPL art. 47): the parent asks, the admin decides. */
export async function deletionRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/me/deletion-requests', {
    config: { access: roles('parent') },
    schema: {
      tags: ['privacy'],
      summary: '申请删除数据 Ask for my account, or one child’s data, to be erased (one open request per subject; 409 otherwise)',
      body: DeletionRequestBody,
      response: { 201: MyDeletionRequest, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const created = await requestDeletion(deps, actorOf(request).userId, request.body, auditContext(request));
      return reply.status(201).send(created);
    },
  });

  app.get('/api/v1/me/deletion-requests', {
    config: { access: roles('parent') },
    schema: {
      tags: ['privacy'],
      summary: '我的删除申请 My deletion requests with their status and outcome (what was kept, and why)',
      response: { 200: MyDeletionRequests, ...ErrorResponses },
    },
    handler: (request) => listMyRequests(deps, actorOf(request).userId, auditContext(request)),
  });

  app.get('/api/v1/deletion-requests', {
    config: { access: roles('admin') },
    schema: {
      tags: ['privacy'],
      summary: '删除申请审核 Every deletion request, open ones first',
      response: { 200: DeletionRequestsForReview, ...ErrorResponses },
    },
    handler: () => listRequestsForReview(deps.db),
  });

  app.post('/api/v1/deletion-requests/:id/approve', {
    config: { access: roles('admin') },
    schema: {
      tags: ['privacy'],
      summary: '批准并执行删除 Approve: erase in one transaction (409 while a child still holds a place)',
      params: DeletionRequestParams,
      response: { 200: DeletionRequestForReview, ...ErrorResponses },
    },
    handler: (request) => approveDeletion(deps, request.params.id, actorOf(request), auditContext(request)),
  });

  app.post('/api/v1/deletion-requests/:id/reject', {
    config: { access: roles('admin') },
    schema: {
      tags: ['privacy'],
      summary: '驳回删除申请 Reject with a reason the parent is told',
      params: DeletionRequestParams,
      body: RejectBody,
      response: { 200: DeletionRequestForReview, ...ErrorResponses },
    },
    handler: (request) => rejectDeletion(deps, request.params.id, request.body.reason, actorOf(request), auditContext(request)),
  });
}
