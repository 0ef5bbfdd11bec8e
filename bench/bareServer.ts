// The anchor for HTTP: bare Fastify answering a 20-item JSON list, about the size of a page of
// search results, with nothing else (no plugins, hooks, database or logging).
import Fastify from 'fastify';

const items = Array.from({ length: 20 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `连云港市第${i + 1}托育园`,
  districtName: '海州区',
  townshipName: '新南街道',
  distanceKm: Math.round(i * 37) / 100,
  placesLeft: i % 7,
  inclusive: i % 5 === 0,
}));

const app = Fastify();
app.get('/items', async () => ({ items, total: items.length }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ type: 'ready', answer: { port: typeof address === 'object' && address ? address.port : 0 } });
process.on('SIGTERM', () => process.exit(0));
