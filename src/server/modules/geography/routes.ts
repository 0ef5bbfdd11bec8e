import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { PUBLIC, roles } from '../../platform/access/access.ts';
import { auditContext } from '../../platform/access/plugin.ts';
import { AppError } from '../../platform/errors/AppError.ts';
import { ErrorResponses } from '../../platform/http/errorSchemas.ts';
import { localeOf } from '../../platform/i18n/locale.ts';
import { getDistrictOutlines, importDistrictOutlines } from './outlines.ts';
import { getPopulationGrid, importPopulationGrid, removePopulationGrid } from './populationGrid.ts';
import {
  AsOfQuery,
  CityParams,
  DistrictOutlines,
  DivisionDetail,
  DivisionParams,
  DivisionTree,
  ImportResult,
  OutlinesBody,
  OutlinesImported,
  PopulationGrid,
  ReferencePointBody,
} from './schemas.ts';
import { getDivision, getDivisionTree, importPopulation, importReferencePoints, setReferencePoint } from './service.ts';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Outlines are public and change when a city imports new ones: a few minutes' staleness is harmless. */
const OUTLINES_CACHE = 'public, max-age=300';

/** The one file of an import request; none is answered 400 FILE_MISSING, one too large 413 at `file`. */
async function importedFile(request: FastifyRequest) {
  const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  if (!file) throw new AppError('FILE_MISSING');
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', {}, [{ path: 'file', messageKey: 'file.tooLarge' }]);
    throw err;
  });
  return { data, filename: file.filename };
}

export async function geographyRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/divisions', {
    config: { access: PUBLIC },
    schema: {
      tags: ['geography'],
      summary: '区划树 Division tree with population',
      querystring: AsOfQuery,
      response: { 200: DivisionTree, ...ErrorResponses },
    },
    handler: (request) => getDivisionTree(deps, request.query.date),
  });

  app.get('/api/v1/divisions/outlines', {
    config: { access: PUBLIC },
    schema: {
      tags: ['geography'],
      summary: '区县边界 The district outlines the cities imported, with their 审图号, for the finder’s map; none until imported',
      description: 'The response may be cached for five minutes.',
      response: { 200: DistrictOutlines, ...ErrorResponses },
    },
    handler: async (_request, reply) => {
      const outlines = await getDistrictOutlines(deps);
      reply.header('cache-control', OUTLINES_CACHE);
      return outlines;
    },
  });

  app.get('/api/v1/divisions/:code', {
    config: { access: PUBLIC },
    schema: {
      tags: ['geography'],
      summary: '区划详情 A division with population history and children',
      params: DivisionParams,
      querystring: AsOfQuery,
      response: { 200: DivisionDetail, ...ErrorResponses },
    },
    handler: (request) => getDivision(deps, request.params.code, request.query.date),
  });

  app.put('/api/v1/divisions/:code/reference-point', {
    config: { access: roles('admin') },
    schema: {
      tags: ['geography'],
      summary: '设置参考点 Set a division’s reference point (lat/lng within China), audited',
      params: DivisionParams,
      body: ReferencePointBody,
      response: { 200: DivisionDetail, ...ErrorResponses },
    },
    handler: (request) => setReferencePoint(deps, request.params.code, request.body, auditContext(request)),
  });

  app.post('/api/v1/divisions/reference-points/import', {
    config: { access: roles('admin') },
    schema: {
      tags: ['geography'],
      summary: '导入参考点 Import reference points (multipart field "file": .csv or .xlsx with code, lat, lng); all rows or none',
      consumes: ['multipart/form-data'],
      response: { 200: ImportResult, ...ErrorResponses },
    },
    handler: async (request) => importReferencePoints(deps, await importedFile(request), auditContext(request), localeOf(request)),
  });

  app.post('/api/v1/divisions/population/import', {
    config: { access: roles('admin') },
    schema: {
      tags: ['geography'],
      summary: '导入人口 Import yearly population (multipart field "file": .csv or .xlsx)',
      consumes: ['multipart/form-data'],
      response: { 200: ImportResult, ...ErrorResponses },
    },
    handler: async (request) => importPopulation(deps, await importedFile(request), auditContext(request), localeOf(request)),
  });

  app.put('/api/v1/divisions/:code/outlines', {
    config: { access: roles('admin') },
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      tags: ['geography'],
      summary:
        '导入区县边界 Replace a city’s district outlines (GeoJSON FeatureCollection, WGS-84) with their 审图号; all features or none, audited',
      params: CityParams,
      body: OutlinesBody,
      response: { 200: OutlinesImported, ...ErrorResponses },
    },
    handler: (request) => importDistrictOutlines(deps, request.params.code, request.body, auditContext(request), localeOf(request)),
  });

  app.get('/api/v1/divisions/:code/population-grid', {
    config: { access: roles('city_official', 'admin') },
    schema: {
      tags: ['geography'],
      summary: '人口网格 A city’s population grid: cells, under-3s, imported when, by whom, from what',
      params: CityParams,
      response: { 200: PopulationGrid, ...ErrorResponses },
    },
    handler: (request) => getPopulationGrid(deps, request.params.code),
  });

  app.post('/api/v1/divisions/:code/population-grid', {
    config: { access: roles('admin') },
    schema: {
      tags: ['geography'],
      summary:
        '导入人口网格 Replace a city’s population grid (multipart field "file": .csv or .xlsx with lat, lng, under3); all rows or none, audited',
      params: CityParams,
      consumes: ['multipart/form-data'],
      response: { 200: PopulationGrid, ...ErrorResponses },
    },
    handler: async (request) =>
      importPopulationGrid(deps, request.params.code, await importedFile(request), auditContext(request), localeOf(request)),
  });

  app.delete('/api/v1/divisions/:code/population-grid', {
    config: { access: roles('admin') },
    schema: {
      tags: ['geography'],
      summary: '删除人口网格 Remove a city’s population grid, audited',
      params: CityParams,
      response: { 200: PopulationGrid, ...ErrorResponses },
    },
    handler: (request) => removePopulationGrid(deps, request.params.code, auditContext(request)),
  });
}
