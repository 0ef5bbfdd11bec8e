import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../../../domain/dates/shanghai.ts';
import type { Deps } from '../../deps.ts';
import { roles } from '../access/access.ts';
import { auditContext } from '../access/plugin.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';
import { findCalendarYear, findCalendarYears, replaceCalendarYear } from './calendar.ts';

const tags = ['system'];
const Year = z.coerce.number().int().min(2000).max(2100);
const Kind = z.enum(['holiday', 'workday']).describe('holiday 放假 · workday 调休上班 (a weekend day worked)');
const Day = z.object({
  day: z.string().refine(isIsoDate, { message: 'date.invalid' }),
  kind: Kind,
  name: z.string().trim().min(1, { message: 'field.required' }).max(40).describe('The holiday it belongs to, e.g. 春节'),
});

const CalendarYear = z.object({
  year: z.number().int(),
  known: z.boolean().describe('False: no arrangement saved for the year; working days are then Monday to Friday'),
  source: z.string().nullable(),
  updatedAt: z.string().nullable(),
  days: z.array(z.object({ day: z.string(), kind: Kind, name: z.string() })),
});

const ReplaceYearBody = z
  .object({
    source: z
      .string()
      .trim()
      .min(1, { message: 'field.required' })
      .max(200)
      .describe('The notice it follows, e.g. 国务院办公厅关于2027年部分节假日安排的通知'),
    days: z.array(Day).max(80),
  })
  .strict();

/** The working-day calendar: everyone may read it (deadlines are counted with it); the admin keeps it. */
export async function calendarRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/calendar/years', {
    config: { access: { kind: 'public' } },
    schema: {
      tags,
      summary: '节假日安排 The years whose official holiday arrangement is known, with their counts',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              year: z.number().int(),
              source: z.string(),
              updatedAt: z.string(),
              holidays: z.number().int(),
              workdays: z.number().int(),
            }),
          ),
        }),
        ...ErrorResponses,
      },
    },
    handler: async () => ({ items: await findCalendarYears(deps.db) }),
  });

  app.get('/api/v1/calendar/years/:year', {
    config: { access: { kind: 'public' } },
    schema: {
      tags,
      summary: '某年节假日 One year’s holidays and weekend days worked',
      params: z.object({ year: Year }),
      response: { 200: CalendarYear, ...ErrorResponses },
    },
    handler: (request) => findCalendarYear(deps.db, request.params.year),
  });

  app.put('/api/v1/admin/calendar/years/:year', {
    config: { access: roles('admin') },
    schema: {
      tags,
      summary: '更新节假日安排 Replace a year’s holidays and weekend days worked (audited)',
      params: z.object({ year: Year }),
      body: ReplaceYearBody,
      response: { 200: CalendarYear, ...ErrorResponses },
    },
    handler: (request) => replaceCalendarYear(deps, auditContext(request), request.params.year, request.body),
  });
}
