/**
 * The one HTTP client of the web app. Every call goes through `request`, so every failure
 * arrives as an `ApiError` whose `message` is already in the user's language (the server reads
 * the `lang` cookie) and can be shown as is. The shapes of what it sends and receives are generated
 * from the server's OpenAPI document (./generated.ts, read through ./types.ts); each feature's
 * api.ts names the calls of its module.
 */
import i18n from '../i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error shape every route answers with (src/server/platform/errors). */
export type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } };

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok) return parsed as T;
  const error = (parsed as ErrorBody | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    throw new ApiError(response.status, error.code, error.message, error.details);
  }
  // A proxy or crashed process answers without our error shape; say so rather than show nothing.
  throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected', { status: response.status }));
}

export function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return send<T>(path, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * A GET past the browser's cache, for a page that changes what a cacheable route answers (the
 * admin's outline import): asked again of the server, the answer then refreshes the cache too.
 */
export function requestFresh<T>(path: string): Promise<T> {
  return send<T>(path, { method: 'GET', headers: { Accept: 'application/json' }, cache: 'no-cache' });
}

/**
 * Posts multipart form data — a file alone goes as the part "file" — the one body `request`'s
 * JSON cannot carry.
 */
export function upload<T>(path: string, body: File | FormData): Promise<T> {
  let form = body;
  if (body instanceof File) {
    form = new FormData();
    form.append('file', body);
  }
  return send<T>(path, { method: 'POST', headers: { Accept: 'application/json' }, body: form });
}

/** A query string from the defined values, without the leading `?`. */
export const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  return search.toString();
};

/** A path segment taken from data (an id, a code, a date). */
export const id = encodeURIComponent;
