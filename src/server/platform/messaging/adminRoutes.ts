import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { roles } from '../access/access.ts';
import { auditContext } from '../access/plugin.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';
import { listMessages, retryMessage } from './failedMessages.ts';

const MessageQuery = z.object({
  status: z.enum(['failed', 'pending', 'sent'], { message: 'messages.status' }).default('failed'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const Message = z.object({
  id: z.uuid(),
  channel: z.enum(['sms', 'email']),
  recipient: z.string().describe('Masked: 139****0005, l***@example.cn'),
  template: z.string(),
  status: z.enum(['failed', 'pending', 'sent']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable().describe('When a pending message is tried next'),
  sentAt: z.string().nullable(),
});

const MessageList = z.object({ items: z.array(Message), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The admin sees SMS and e-mail that could not be sent, and sends them again once the cause is fixed. */
export async function messageAdminRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/admin/messages', {
    config: { access: roles('admin') },
    schema: {
      tags: ['system'],
      summary: '发送失败的消息 Outgoing SMS and e-mail by status (failed by default), newest first, recipients masked',
      querystring: MessageQuery,
      response: { 200: MessageList, ...ErrorResponses },
    },
    handler: (request) => listMessages(deps.db, request.query.status, request.query),
  });

  app.post('/api/v1/admin/messages/:id/retry', {
    config: { access: roles('admin') },
    schema: {
      tags: ['system'],
      summary: '重新发送 Send a failed message again: pending, its tries counted afresh (audited)',
      params: z.object({ id: z.uuid({ message: 'id.invalid' }) }),
      response: { 200: Message, ...ErrorResponses },
    },
    handler: (request) => retryMessage(deps, request.params.id, auditContext(request)),
  });
}
