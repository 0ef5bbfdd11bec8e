import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC } from '../../../platform/access/access.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { getPublicProfile } from './profile.ts';
import { PublicProfile, SearchQuery, SearchResult } from './schemas.ts';
import { searchInstitutions } from './search.ts';

const tags = ['institutions: public'];

/** Finding care (找托育): public, no sign-in. */
export async function publicRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

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
    handler: (request) => searchInstitutions(deps.db, deps.clock.now(), request.query),
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
