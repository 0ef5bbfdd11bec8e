import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

/** The colour of every tile (a pale map beige), and of the line at each tile's edges. */
export const TILE_RGB = [236, 228, 206] as const;
const EDGE_RGB = [214, 204, 176] as const;
const SIZE = 256;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 256 px RGB PNG of one colour with a darker first row and column, so the tile grid shows. */
function tilePng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 3));
  for (let y = 0; y < SIZE; y++) {
    const start = y * (1 + SIZE * 3);
    for (let x = 0; x < SIZE; x++) rows.set(x === 0 || y === 0 ? EDGE_RGB : TILE_RGB, start + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export type TileServer = { url: string; requests: () => number; close: () => Promise<void> };

/**
 * A stand-in for a city's tile server (or Tianditu): the same plain tile at every {z}/{x}/{y},
 * with the CORS header a map needs to draw images from another origin. Counts what it served.
 */
export async function startTileServer(): Promise<TileServer> {
  const png = tilePng();
  let served = 0;
  const server = http.createServer((request, response) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    served++;
    response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
