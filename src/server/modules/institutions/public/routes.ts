import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import { PUBLIC } from '../../../platform/access/access.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { getPublicProfile } from './profile.ts';
import { PublicProfile, SearchQuery, SearchResult } from './schemas.ts';
import { SearchCache } from './searchCache.ts';
import { search } from './searchIndex.ts';

const tags = ['institutions: public'];

/** Finding care (找托育): public, no sign-in. */
export async function publicRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const cache = new SearchCache(deps.database);
  // The first search would otherwise wait for the whole index.
  app.addHook('onReady', () => cache.start());

  app.get('/api/v1/institutions/search', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '查找托育机构 Search filed institutions near a point or in a division',
      description:
        'Filters combine: point and radius (great-circle), division, the child’s birth date (the class types the child fits on startDate), vacancy, inclusive, fee range, service form, keyword (name, pinyin, pinyin initials). Sorted by distance when a point is given.',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...ErrorResponses },
    },
    // Answers are built from typed entries and their shape is tested against SearchResult
    // (search.test.ts); checking twenty items again on every request cost a sixth of a search.
    serializerCompiler: () => (data) => JSON.stringify(data),
    handler: async (request) => search(await cache.current(), request.query, todayInShanghai(deps.clock.now())),
  });

  app.get('/api/v1/institutions/:id', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '机构主页 Public profile of a filed institution: fees, vacancies per class, hours, designations, photos, filing number',
      params: InstitutionParams,
      response: { 200: PublicProfile, ...ErrorResponses },
    },
    handler: (request) => getPublicProfile(deps, request.params.id),
  });
}
