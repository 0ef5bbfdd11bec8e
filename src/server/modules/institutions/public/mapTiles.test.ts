import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { loadConfig } from '../../../config.ts';

const TIANDITU =
  'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=key';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );

describe('the map’s tile source', () => {
  let plain: TestApp;
  let tiled: TestApp;
  beforeAll(async () => {
    plain = await buildTestApp('pglite');
    tiled = await buildTestApp('pglite', {
      mapTiles: { url: TIANDITU, origin: 'https://t0.tianditu.gov.cn', attribution: '天地图 GS(2024)0568号' },
    });
  });
  afterAll(async () => {
    await plain.close();
    await tiled.close();
  });

  it('offers no tiles and opens the CSP to no other origin when none is set', async () => {
    const res = await plain.app.inject({ url: '/api/v1/institutions/map-tiles' });
    expect(res.json()).toEqual({ tiles: null });
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
  });

  it('offers the tiles set and lets images and fetches, nothing else, reach their origin', async () => {
    const res = await tiled.app.inject({ url: '/api/v1/institutions/map-tiles' });
    expect(res.json()).toEqual({ tiles: { url: TIANDITU, attribution: '天地图 GS(2024)0568号' } });
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('img-src')).toContain('https://t0.tianditu.gov.cn');
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://t0.tianditu.gov.cn']);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
  });

  it('reads MAP_TILE_URL, and refuses one without {z}, {x}, {y} or with a placeholder in the host', () => {
    expect(loadConfig({ MAP_TILE_URL: TIANDITU, MAP_TILE_ATTRIBUTION: '天地图' }).mapTiles).toEqual({
      url: TIANDITU,
      origin: 'https://t0.tianditu.gov.cn',
      attribution: '天地图',
    });
    expect(loadConfig({}).mapTiles).toBeNull();
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: 'https://{z}.example.cn/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: 'javascript:{z}{x}{y}' })).toThrow(/MAP_TILE_URL/);
  });
});
