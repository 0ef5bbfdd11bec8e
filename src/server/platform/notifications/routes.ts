import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { type Actor, SIGNED_IN } from '../access/access.ts';
import { actorOf, auditContext } from '../access/plugin.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';
import { localeOf } from '../i18n/locale.ts';
import { countNotifications, markAllRead } from './queries.ts';
import {
  NotificationList,
  NotificationListQuery,
  NotificationParams,
  NotificationPreferences,
  NotificationPreferencesBody,
  UnreadCount,
} from './schemas.ts';
import { getPreferences, listNotifications, putPreferences, readNotification } from './service.ts';

const rolesOf = (actor: Actor) => actor.grants.map((g) => g.role);

/** Every signed-in user's own notifications and preferences; nobody reads another's. */
export async function notificationRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/notifications', {
    config: { access: SIGNED_IN },
    schema: {
      tags: ['notifications'],
      summary: '我的通知 My notifications, newest first, with the unread count',
      querystring: NotificationListQuery,
      response: { 200: NotificationList, ...ErrorResponses },
    },
    handler: (request) => listNotifications(deps, actorOf(request).userId, request.query, localeOf(request)),
  });

  app.get('/api/v1/notifications/unread-count', {
    config: { access: SIGNED_IN },
    schema: {
      tags: ['notifications'],
      summary: '未读通知数 How many of my notifications are unread (the bell)',
      response: { 200: UnreadCount, ...ErrorResponses },
    },
    handler: async (request) => ({ unread: (await countNotifications(deps.db, actorOf(request).userId)).unread }),
  });

  app.post('/api/v1/notifications/:id/read', {
    config: { access: SIGNED_IN },
    schema: {
      tags: ['notifications'],
      summary: '标为已读 Mark one of my notifications read (another user’s: 404)',
      params: NotificationParams,
      response: { 204: z.null(), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      await readNotification(deps, actorOf(request).userId, request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/notifications/read-all', {
    config: { access: SIGNED_IN },
    schema: { tags: ['notifications'], summary: '全部已读 Mark all my notifications read', response: { 204: z.null(), ...ErrorResponses } },
    handler: async (request, reply) => {
      await markAllRead(deps.db, actorOf(request).userId, deps.clock.now());
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/me/notification-preferences', {
    config: { access: SIGNED_IN },
    schema: {
      tags: ['notifications'],
      summary: '通知设置 How I am told beyond the app: SMS and e-mail per kind that concerns my roles, their language, my address',
      response: { 200: NotificationPreferences, ...ErrorResponses },
    },
    handler: (request) => {
      const actor = actorOf(request);
      return getPreferences(deps, actor.userId, rolesOf(actor), localeOf(request));
    },
  });

  app.put('/api/v1/me/notification-preferences', {
    config: { access: SIGNED_IN },
    schema: {
      tags: ['notifications'],
      summary: '保存通知设置 Save my notification preferences (kinds left out keep their choice)',
      body: NotificationPreferencesBody,
      response: { 200: NotificationPreferences, ...ErrorResponses },
    },
    handler: (request) => {
      const actor = actorOf(request);
      return putPreferences(deps, { id: actor.userId, roles: rolesOf(actor) }, request.body, localeOf(request), auditContext(request));
    },
  });
}
