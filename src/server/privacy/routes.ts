import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { roles } from '../platform/access/access.ts';
import { auditContext, scope } from '../platform/access/plugin.ts';
import { XLSX } from '../platform/files/spreadsheet.ts';
import { ErrorResponses } from '../platform/http/errorSchemas.ts';
import { personalDataWorkbook } from './excel.ts';
import { exportPersonalData } from './export.ts';

const ExportQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });
const PersonalDataExport = z.object({
  generatedAt: z.string(),
  sections: z.array(z.object({ kind: z.string(), rows: z.array(z.record(z.string(), z.unknown())) })),
});

/** A parent's personal-data rights (PIPL): a copy of everything held about them and their children. */
export async function privacyRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/me/export', {
    config: { access: roles('parent') },
    schema: {
      tags: ['privacy'],
      summary: '下载我的数据 Everything held about me and my children, as JSON or an Excel workbook (format=xlsx)',
      querystring: ExportQuery,
      response: { 200: PersonalDataExport, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const userId = scope(request).actor.userId;
      const data = await exportPersonalData(deps, userId, auditContext(request));
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'json') return data;
      const workbook = await personalDataWorkbook(data);
      // A Buffer is sent as it is, past the JSON serializer.
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="tuoyu-my-data.xlsx"')
        .send(workbook as unknown as z.infer<typeof PersonalDataExport>);
    },
  });
}
