import pg from 'pg';

const RECONNECT_MS = 1_000;

/**
 * LISTEN on PostgreSQL through connections of its own, outside the pool: a pooled connection
 * goes back to other queries, and a listener must stay. A lost connection reconnects every second
 * until the database is closed; `onState(false)` says notifications may be missed until the next
 * `onState(true)`.
 */
export function pgListeners(config: pg.ClientConfig) {
  const clients = new Set<pg.Client>();
  let closed = false;

  async function listen(channel: string, onPayload: (payload: string) => void, onState: (listening: boolean) => void = () => {}) {
    const start = async () => {
      if (closed) return;
      const client = new pg.Client(config);
      // A connection lost while idle reports here; 'end' below reconnects.
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query(`listen ${client.escapeIdentifier(channel)}`);
      } catch (err) {
        await client.end().catch(() => {});
        throw err;
      }
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      client.once('end', () => {
        clients.delete(client);
        onState(false);
        retry();
      });
      clients.add(client);
      onState(true);
    };
    const retry = () => {
      if (!closed) setTimeout(() => void start().catch(retry), RECONNECT_MS).unref();
    };
    await start();
  }

  async function close() {
    closed = true;
    await Promise.all([...clients].map((c) => c.end().catch(() => {})));
  }

  return { listen, close };
}
