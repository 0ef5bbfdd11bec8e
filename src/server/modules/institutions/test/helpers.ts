import type { InjectOptions } from 'fastify';
import type { TestApp } from '../../../../../test/harness/app.ts';
import { applicableChecklist } from '../../../../domain/institutions/filingChecklist.ts';

/** Sends a request as the actor whose cookie is given (or anonymously). */
export function as(t: TestApp, cookie: string | undefined) {
  const send = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}) } });
  return {
    get: (url: string) => send({ method: 'GET', url }),
    post: (url: string, payload?: unknown) =>
      send({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url: string, payload: unknown) => send({ method: 'PATCH', url, payload: payload as object }),
    put: (url: string, payload: unknown) => send({ method: 'PUT', url, payload: payload as object }),
    delete: (url: string) => send({ method: 'DELETE', url }),
    send,
  };
}

/** Every applicable checklist item confirmed. */
export function fullChecklist(servesMeals = false): Record<string, boolean> {
  return Object.fromEntries(applicableChecklist(servesMeals).map((c) => [c.item, true]));
}

export { multipart } from '../../../../../test/harness/multipart.ts';

/** Minimal files of each kind, recognisable by their first bytes. */
export const SAMPLE = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0)]),
};
