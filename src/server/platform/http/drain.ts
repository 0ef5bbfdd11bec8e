import type { FastifyInstance } from 'fastify';
import { ERROR_CODES } from '../errors/codes.ts';
import { errorBody } from '../errors/errorHandler.ts';
import { localeOf } from '../i18n/locale.ts';

export type Drain = {
  /** From now on new requests are refused (503, connection closed) and readiness fails. */
  begin(): void;
  readonly draining: boolean;
  /** Resolves once every request that had started has been answered. */
  settled(): Promise<void>;
};

/**
 * Graceful shutdown in the order load balancers expect: stop taking requests, answer those that
 * started, then close. Node destroys a connection whose request body completes after the server
 * was closed and before its answer is written, so the server may only close once nothing is in
 * flight — Fastify's close alone loses a request whose body is still arriving.
 */
export function registerDrain(app: FastifyInstance): Drain {
  let draining = false;
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  app.addHook('onRequest', async (request, reply) => {
    if (draining) {
      // Sent as text: the route's own response schema knows nothing of this answer.
      const body = JSON.stringify(errorBody('SHUTTING_DOWN', localeOf(request)));
      return reply.code(ERROR_CODES.SHUTTING_DOWN.status).header('connection', 'close').type('application/json; charset=utf-8').send(body);
    }
    inFlight++;
    reply.raw.once('close', () => {
      inFlight--;
      if (inFlight === 0) {
        for (const wake of waiters) wake();
        waiters = [];
      }
    });
  });
  return {
    begin() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    settled: () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    drain: Drain;
  }
}
