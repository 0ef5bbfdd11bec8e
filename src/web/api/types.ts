/**
 * Reading the generated API types (./generated.ts, from the server's OpenAPI document): a
 * feature names its shapes by route, e.g.
 * `type ChildRecord = ResponseOf<'/api/v1/children/{id}', 'get'>`, so a change on the server shows
 * up as a type error here instead of a silent drift.
 */
import type { paths } from './generated';

export type { components, paths } from './generated';

type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The body of a successful answer (200 or 201); `void` for 204 No Content. */
export type ResponseOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? Json<R[200]>
      : 201 extends keyof R
        ? Json<R[201]>
        : 204 extends keyof R
          ? undefined
          : never
    : never;

/** The JSON request body the route takes. */
export type BodyOf<P extends ApiPath, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query string parameters the route takes. */
export type QueryOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One element of a list answer `{ items: T[] }`. */
export type ItemOf<T extends { items: readonly unknown[] }> = T['items'][number];
