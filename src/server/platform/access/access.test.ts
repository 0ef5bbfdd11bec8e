import type { FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { roles } from './access.ts';
import { accessPlugin, auditContext } from './plugin.ts';

describe('access declarations', () => {
  it('refuses to start when an API route does not declare what it needs', async () => {
    const app = Fastify();
    await app.register(accessPlugin, { config: testConfig() } as Deps);
    await expect(async () => {
      app.get('/api/v1/undeclared', async () => 'x');
      await app.ready();
    }).rejects.toThrow('Route GET /api/v1/undeclared does not declare config.access');
  });
});

describe('audit context', () => {
  const request = (access: ReturnType<typeof roles>) =>
    ({
      actor: {
        userId: 'u1',
        phone: '13700000000',
        name: '王老师',
        sessionId: 's1',
        totpEnabled: false,
        grants: [{ role: 'caregiver', institutionId: 'i1' }, { role: 'parent' }],
      },
      routeOptions: { config: { access } },
      ip: '127.0.0.1',
      id: 'r1',
    }) as unknown as FastifyRequest;

  it('records the role under which the route admitted a person who holds several', () => {
    expect(auditContext(request(roles('parent'))).actorRole).toBe('parent');
    expect(auditContext(request(roles('institution_admin', 'caregiver'))).actorRole).toBe('caregiver');
  });
});
