// The server of the search bench: 10,000 filed institutions (searchData.ts). On request it
// changes institutions 20 times a second from inside the process, and reports the time its
// requests took inside the server.
import { todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { seedSearchData } from './searchData.ts';
import { openBench, serveBench } from './serve.ts';

const deps = await openBench();
const started = Date.now();
const now = new Date();
await seedSearchData(deps.db, todayInShanghai(now), now);
const seedMs = Date.now() - started;

// Time inside the server, from the request's arrival to the reply, to tell apart the server's
// queueing from what the load generator sees on a busy machine.
let elapsed: number[] = [];
let writes = 0;
let writer: NodeJS.Timeout | undefined;
const classes = (await deps.db.selectFrom('institution_classes').select('id').where('filed_capacity', 'is not', null).execute()).map(
  (c) => c.id,
);

function stats() {
  const sorted = elapsed.sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
  elapsed = [];
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

await serveBench(
  deps,
  async (app) => {
    app.addHook('onResponse', async (_request, reply) => {
      elapsed.push(reply.elapsedTime);
    });
    return { seedMs };
  },
  async (message) => {
    if (message.type === 'writes:on') {
      writes = 0;
      writer = setInterval(() => {
        const id = classes[Math.floor(Math.random() * classes.length)] as string;
        void deps.db
          .updateTable('institution_classes')
          .set((eb) => ({ filed_capacity: eb('filed_capacity', '+', 0) }))
          .where('id', '=', id)
          .execute()
          .then(() => {
            writes += 1;
          });
      }, 50);
      return 'ok';
    }
    if (message.type === 'writes:off') {
      clearInterval(writer);
      return writes;
    }
    return message.type === 'stats' ? stats() : undefined;
  },
);
