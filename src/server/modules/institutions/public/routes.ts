import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import { PUBLIC } from '../../../platform/access/access.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import type { InstitutionHooks } from '../common/hooks.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { getPublicProfile } from './profile.ts';
import { MapTiles, PublicProfile, SearchQuery, SearchResult } from './schemas.ts';
import { SearchCache } from './searchCache.ts';
import { search } from './searchIndex.ts';

const tags = ['institutions: public'];

/** Finding care (找托育): public, no sign-in. */
export async function publicRoutes(server: FastifyInstance, deps: Deps, hooks: InstitutionHooks) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const cache = new SearchCache(deps.database, { maxLagMs: deps.config.searchMaxLagMs });
  // The first search would otherwise wait for the whole index.
  app.addHook('onReady', () => cache.start());
  app.addHook('onClose', async () => cache.stop());

  app.get('/api/v1/institutions/search', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '查找托育机构 Search filed institutions near a point or in a division',
      description:
        'Filters combine: point and radius (great-circle), division, the child’s birth date (the class types the child fits on startDate), vacancy, inclusive, no open rectification, fee range, service form, keyword (name, pinyin, pinyin initials). Sorted by distance when a point is given.',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...ErrorResponses },
    },
    // Answers are built from typed entries and their shape is tested against SearchResult
    // (search.test.ts); checking twenty items again on every request cost a sixth of a search.
    serializerCompiler: () => (data) => JSON.stringify(data),
    // Signed-in users see their own changes (a director's vacancies) on their next search.
    handler: async (request) =>
      search(
        await cache.current({ exact: request.actor !== null }),
        request.query,
        todayInShanghai(deps.clock.now()),
        request.query.noOpenRectification ? await hooks.withOpenRectifications(deps.db) : undefined,
      ),
  });

  app.get('/api/v1/institutions/map-tiles', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '地图底图 The tile source of the finder’s map (MAP_TILE_URL), or none: the map then shows points only',
      response: { 200: MapTiles, ...ErrorResponses },
    },
    handler: async () => {
      const tiles = deps.config.mapTiles;
      return { tiles: tiles ? { url: tiles.url, attribution: tiles.attribution } : null };
    },
  });

  app.get('/api/v1/institutions/:id', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '机构主页 Public profile of a filed institution: fees, vacancies per class, hours, designations, photos, filing number',
      params: InstitutionParams,
      response: { 200: PublicProfile, ...ErrorResponses },
    },
    handler: (request) => getPublicProfile(deps, request.params.id, hooks.supervisionRecord),
  });
}
