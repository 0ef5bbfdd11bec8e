import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/harness/db.ts';
import { pgListeners } from './pgListener.ts';

describe.each(DIALECTS.filter((d) => d === 'postgres'))('LISTEN on %s', () => {
  it('reconnects when its connection is killed and hears notifications again', async () => {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `listen_${randomBytes(4).toString('hex')}`;
    const listeners = pgListeners({ connectionString: url, application_name: name });
    const heard: string[] = [];
    const states: boolean[] = [];
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await listeners.listen(
        name,
        (payload) => heard.push(payload),
        (listening) => states.push(listening),
      );
      await other.query('select pg_notify($1, $2)', [name, 'one']);
      await expect.poll(() => heard).toEqual(['one']);

      await other.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [name]);
      await expect.poll(() => states, { timeout: 5_000 }).toEqual([true, false, true]);
      await other.query('select pg_notify($1, $2)', [name, 'two']);
      await expect.poll(() => heard).toEqual(['one', 'two']);
    } finally {
      await other.end();
      await listeners.close();
    }
    // Closed, it says so once and does not come back.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(states).toEqual([true, false, true, false]);
  });
});
