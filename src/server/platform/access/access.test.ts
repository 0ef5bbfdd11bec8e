import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { accessPlugin } from './plugin.ts';

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
