import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/AppError.ts';

// PostgreSQL cannot store U+0000 in text or jsonb, nor a UTF-16 half without its partner (it is
// not encodable as UTF-8); either would surface as a 500 from deep inside a write.
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted paths of every string (value or key) in the input that PostgreSQL cannot store. */
export function unstorableTextPaths(input: unknown, root: string): string[] {
  const found: string[] = [];
  // A stack, not recursion: a body may legally nest thousands of levels deep.
  const stack: [unknown, string][] = [[input, root]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) found.push(path);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}.${key}`;
        if (UNSTORABLE.test(key)) found.push(childPath);
        else stack.push([child, childPath]);
      }
    }
  }
  return found.sort();
}

/**
 * Refuses unstorable text in the body, query or path of every route with 400 VALIDATION_FAILED
 * naming each field, before any schema or handler sees it.
 */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...unstorableTextPaths(request.params, 'params'),
      ...unstorableTextPaths(request.query, 'querystring'),
      ...unstorableTextPaths(request.body, 'body'),
    ];
    if (paths.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        paths.map((path) => ({ path, messageKey: 'text.unstorable' })),
      );
    }
  });
}
