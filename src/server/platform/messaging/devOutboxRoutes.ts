import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { PUBLIC } from '../access/access.ts';
import { Phone } from '../auth/schemas.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';
import { findMessagesTo } from './outbox.ts';

const OutboxQuery = z
  .object({ phone: Phone.optional(), email: z.email({ message: 'email.invalid' }).optional() })
  .refine((q) => (q.phone === undefined) !== (q.email === undefined), { message: 'outbox.recipient_required' });

const OutboxEntry = z.object({
  id: z.uuid(),
  channel: z.enum(['sms', 'email']),
  to: z.string(),
  template: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

/**
 * Outside production, the messages tuoyu would send are readable here, so a tester or a demo
 * visitor can sign up without a phone. In production the route does not exist (404).
 */
export async function devOutboxRoutes(server: FastifyInstance, deps: Deps) {
  if (deps.config.env === 'production') return;
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/dev/outbox', {
    config: { access: PUBLIC },
    schema: {
      tags: ['system'],
      summary: '开发发件箱 Messages sent to a phone number or address (not in production)',
      querystring: OutboxQuery,
      response: { 200: z.object({ items: z.array(OutboxEntry) }), ...ErrorResponses },
    },
    handler: async (request) => {
      const recipient = request.query.phone ?? request.query.email ?? '';
      return { items: await findMessagesTo(deps.db, recipient) };
    },
  });
}
