import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams } from '../common/schemas.ts';
import { CertificateView, CodeBody, RevokeBody, Verification } from './schemas.ts';
import { certificateFile, issueCertificate, listCertificates, revokeCertificate, verifyCertificate } from './service.ts';

/** Residential utility-price certificates for filed institutions, and their public check. */
export async function certificateRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['utility certificates'];
  const READERS = { access: roles('institution_admin', 'district_official', 'city_official', 'admin') };

  app.post('/api/v1/institutions/:id/utility-certificates', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '开具水电气价格证明 Issue the residential utility-price certificate (filed institutions in operation)',
      params: IdParams,
      response: { 201: CertificateView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await issueCertificate(deps, scope(request), request.params.id, auditContext(request))),
  });

  app.get('/api/v1/institutions/:id/utility-certificates', {
    config: READERS,
    schema: {
      tags,
      summary: '价格证明 The institution’s certificates, newest first',
      params: IdParams,
      response: { 200: z.object({ items: z.array(CertificateView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listCertificates(deps, scope(request), request.params.id) }),
  });

  app.get('/api/v1/utility-certificates/:id/certificate.pdf', {
    config: READERS,
    schema: {
      tags,
      summary: '下载证明 The certificate as a PDF (Chinese text, one A4 page, with the verification address)',
      params: IdParams,
      response: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      // The printed link must lead to the city's own site, whatever Host the request came with.
      const origin = deps.config.publicOrigins[0] ?? `${request.protocol}://${request.host}`;
      const file = await certificateFile(deps, scope(request), request.params.id, origin);
      // Fastify sends a Buffer as it is; the type provider only knows the schema's string.
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.data as unknown as string);
    },
  });

  app.post('/api/v1/utility-certificates/:id/revoke', {
    config: { access: roles('district_official', 'city_official') },
    schema: {
      tags,
      summary: '撤销证明 Withdraw a certificate, with a reason',
      params: IdParams,
      body: RevokeBody,
      response: { 200: CertificateView, ...ErrorResponses },
    },
    handler: (request) => revokeCertificate(deps, scope(request), request.params.id, request.body.reason, auditContext(request)),
  });

  // A POST so the code, which is all it takes to read the certificate, stays out of URLs.
  app.post('/api/v1/public/utility-certificates/verify', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '证明核验 Check a certificate by its code (public, for utility companies)',
      body: CodeBody,
      response: { 200: Verification, ...ErrorResponses },
    },
    handler: (request) => verifyCertificate(deps, request.body.code),
  });
}
