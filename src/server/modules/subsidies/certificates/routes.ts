import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams } from '../common/schemas.ts';
import { decideRequest, listInstitutionRequests, listRequests, requestCertificate } from './requests.ts';
import { CertificateRequestView, CertificateView, CodeBody, DecisionBody, RequestQueueQuery, RevokeBody, Verification } from './schemas.ts';
import { certificateFile, listCertificates, revokeCertificate, verifyCertificate } from './service.ts';

/** Residential utility-price certificates for filed institutions, and their public check. */
export async function certificateRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['utility certificates'];
  const READERS = { access: roles('institution_admin', 'district_official', 'city_official', 'admin') };

  app.post('/api/v1/institutions/:id/utility-certificate-requests', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '申请水电气价格证明 Ask the district health bureau for the utility-price certificate (filed institutions in operation)',
      description: 'One request waits at a time (409 CERTIFICATE_REQUEST_OPEN); the district’s officials are notified.',
      params: IdParams,
      response: { 201: CertificateRequestView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await requestCertificate(deps, scope(request), request.params.id, auditContext(request))),
  });

  app.get('/api/v1/institutions/:id/utility-certificate-requests', {
    config: READERS,
    schema: {
      tags,
      summary: '价格证明申请 The institution’s certificate requests, newest first',
      params: IdParams,
      response: { 200: z.object({ items: z.array(CertificateRequestView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listInstitutionRequests(deps, scope(request), request.params.id) }),
  });

  app.get('/api/v1/utility-certificate-requests', {
    config: { access: roles('district_official', 'city_official') },
    schema: {
      tags,
      summary: '价格证明审核队列 Certificate requests of institutions in the caller’s division',
      querystring: RequestQueueQuery,
      response: { 200: z.object({ items: z.array(CertificateRequestView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listRequests(deps, scope(request), request.query.state) }),
  });

  app.post('/api/v1/utility-certificate-requests/:id/decision', {
    config: { access: roles('district_official') },
    schema: {
      tags,
      summary: '审核价格证明申请 The district approves (the certificate is issued) or returns the request with a reason',
      params: IdParams,
      body: DecisionBody,
      response: { 200: CertificateRequestView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) =>
      decideRequest(
        deps,
        scope(request),
        request.params.id,
        request.body.decision === 'approve' ? { approve: true } : { approve: false, reason: request.body.reason },
        auditContext(request),
      ),
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
