import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { isDemo } from './demo/settings.ts';
import type { Deps } from './deps.ts';
import { MODULES } from './modules.ts';
import { accessPlugin } from './platform/access/plugin.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authAdminRoutes } from './platform/auth/adminRoutes.ts';
import { appointmentRoutes } from './platform/auth/appointmentRoutes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { sessionCookie } from './platform/auth/sessionToken.ts';
import { signUpRoutes } from './platform/auth/signUpRoutes.ts';
import { calendarRoutes } from './platform/calendar/routes.ts';
import { registerErrorHandling } from './platform/errors/errorHandler.ts';
import { registerDrain } from './platform/http/drain.ts';
import { clientErrorHandler, frameworkErrors } from './platform/http/frameworkErrors.ts';
import { loggerOptions, RequestLog } from './platform/http/logging.ts';
import { opsGuard } from './platform/http/opsGuard.ts';
import { requestGuard } from './platform/http/requestGuard.ts';
import { securityHeaders } from './platform/http/securityHeaders.ts';
import { systemRoutes } from './platform/http/systemRoutes.ts';
import { registerTextGuard } from './platform/http/textGuard.ts';
import { webApp } from './platform/http/webApp.ts';
import { messageAdminRoutes } from './platform/messaging/adminRoutes.ts';
import { devOutboxRoutes } from './platform/messaging/devOutboxRoutes.ts';
import { notificationRoutes } from './platform/notifications/routes.ts';
import { deletionRoutes } from './privacy/deletionRoutes.ts';
import { privacyRoutes } from './privacy/routes.ts';

/** The composition root: external plugins, then the platform, then the modules. */
export async function buildApp(deps: Deps, options: { logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    logController: new RequestLog(),
    frameworkErrors,
    clientErrorHandler,
    // Always the server's own, so a client cannot choose what the audit log calls its request;
    // an id the client sent is kept beside it (see clientRequestId in platform/access/plugin.ts).
    genReqId: () => randomUUID(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // First, so that every route, the plugins' own included, answers errors in one shape and
  // passes the origin, content-type and operations-token checks.
  registerErrorHandling(app);
  app.decorate('drain', registerDrain(app));
  registerTextGuard(app);
  await app.register(requestGuard, { config });
  await app.register(opsGuard, { config });

  // External plugins: cookies, security headers, rate limits, uploads, API docs.
  await app.register(fastifyCookie);
  // API answers are JSON that shrinks to a fifth; small ones are not worth a phone's CPU. Brotli at
  // a low quality costs about as much time as gzip. Built assets come pre-compressed (webApp.ts).
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(securityHeaders, { config });
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The limit guards the API. The built assets are immutable files a first visit fetches by the
    // dozen (each screen's code loads on its own), cached for a year afterwards: counting them
    // would lock out an office or a school behind one address after a few first visits.
    allowList: (request) => request.url.startsWith('/assets/'),
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `retry in ${context.after}` }),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 5, fields: 20 }, throwFileSizeLimit: true });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'tuoyu 托育服务平台 API', version: '0.1.0', description: 'REST API of the city childcare service platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie(config).name } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Emits the named schemas (e.g. the recursive DivisionNode) as components their $refs point at.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Platform: sign-in and access, audit, health.
  await app.register(accessPlugin, deps);
  await app.register(systemRoutes, { ...deps, isDemo: () => isDemo(deps.db) });
  await app.register(authRoutes, deps);
  await app.register(signUpRoutes, deps);
  await app.register(authAdminRoutes, deps);
  await app.register(appointmentRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(devOutboxRoutes, deps);
  await app.register(messageAdminRoutes, deps);
  await app.register(notificationRoutes, deps);
  await app.register(calendarRoutes, deps);

  // Modules, from the one list.
  for (const module of MODULES) await app.register(module.plugin, deps);
  // Above the modules: a parent's data and its erasure, composed from each module's part.
  await app.register(privacyRoutes, deps);
  await app.register(deletionRoutes, deps);

  await app.register(webApp, { distDir: config.webDistDir });
  return app;
}
