import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHOTS, useJourney } from './journey.ts';
import { OUTLINES_APPROVAL, openMapWithOutlines } from './outlines.ts';
import { startTileServer, TILE_RGB } from './tileServer.ts';

/**
 * The finder's map over a city's tiles (MAP_TILE_URL), served here by a local stand-in: the
 * district outlines are a line over the tiles, not the white areas drawn without them, and the map
 * names both the tiles' source and the outlines' map approval number (审图号).
 */
const TILES_ATTRIBUTION = '底图：测试瓦片';

const tiles = await startTileServer();
const journey = useJourney({
  mapTiles: { url: `${tiles.url}/{z}/{x}/{y}.png`, origin: tiles.url, attribution: TILES_ATTRIBUTION },
});
afterAll(() => tiles.close());

type Colours = { total: number; tile: number; outline: number; plain: number };

/**
 * Sorts the pixels of a PNG (base64) inside `inset` px of its edges, where the map's controls and
 * attribution lie: the tile colour, the outline's grey over a tile, and the plain background or
 * white areas drawn when there are no tiles. Decoded by the page's own canvas; a string, as the e2e
 * tsconfig has no DOM types.
 */
const countColours = (png: string, inset: number, tile: readonly number[]) => `(async () => {
  const image = new Image();
  image.src = 'data:image/png;base64,${png}';
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const w = image.width - 2 * ${inset}, h = image.height - 2 * ${inset};
  const data = context.getImageData(${inset}, ${inset}, w, h).data;
  const [tr, tg, tb] = ${JSON.stringify(tile)};
  const counts = { total: w * h, tile: 0, outline: 0, plain: 0 };
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) <= 6) counts.tile++;
    // #3d4f66 at 0.6 over the tile: a slate grey, bluish rather than beige.
    else if (r < 175 && g < 180 && b < 185 && b >= r && b - r < 40) counts.outline++;
    // The background without tiles (#eef2f6) and the white district areas over it (#fafbfc).
    else if ([[238, 242, 246], [250, 251, 252]].some(([pr, pg, pb]) => Math.abs(r - pr) + Math.abs(g - pg) + Math.abs(b - pb) <= 3)) counts.plain++;
  }
  return counts;
})()`;

describe('the finder map over a tile server', () => {
  it('draws the district outlines as a line over the tiles and names the tiles and the 审图号', async () => {
    const { context, page, map, consoleErrors } = await openMapWithOutlines(journey.browser, journey.server.url);
    try {
      expect(tiles.requests()).toBeGreaterThan(0);

      const attribution = page.locator('.maplibregl-ctrl-attrib-inner');
      expect(await attribution.textContent()).toContain(TILES_ATTRIBUTION);
      expect(await attribution.textContent()).toContain(`审图号：${OUTLINES_APPROVAL}`);
      expect(await attribution.isVisible()).toBe(true);

      await page.screenshot({ path: path.join(SHOTS, 'finder-phone-map-tiles.png') });
      const png = (await map.screenshot({ scale: 'css' })).toString('base64');
      const colours = await page.evaluate<Colours>(countColours(png, 48, TILE_RGB));
      // Tiles under most of the map, nothing of the tile-less look, and the outlines' line across them.
      expect(colours.tile / colours.total).toBeGreaterThan(0.5);
      // (A pin's antialiased edge may match a few pixels; without tiles these are the whole map.)
      expect(colours.plain / colours.total).toBeLessThan(0.01);
      expect(colours.outline).toBeGreaterThan(50);
      console.log('finder map over tiles, pixels inside the controls:', colours);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
