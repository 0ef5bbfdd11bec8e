import { describe, expect, it } from 'vitest';
import { mapFrame, symbolSize } from './mapFrame';

const cos = (lat: number) => Math.cos((lat * Math.PI) / 180);

describe('the dashboard map’s frame', () => {
  it('keeps a kilometre east as long as a kilometre north', () => {
    // Roughly Lianyungang: 1.4° of longitude and 1.1° of latitude around 34.6° N.
    const frame = mapFrame([
      { lat: 34.0, lng: 118.4 },
      { lat: 35.1, lng: 119.8 },
    ]);
    const width = (frame.lngMax - frame.lngMin) * cos(34.55);
    const height = frame.latMax - frame.latMin;
    expect(frame.aspect).toBeCloseTo(height / width, 10);
    expect(frame.aspect).toBeCloseTo(1.1 / (1.4 * cos(34.55)), 6);
    // 1.4° of longitude at 34.55° N is about 128 km, padded by 12% on each side.
    expect(frame.widthKm).toBeCloseTo(1.4 * cos(34.55) * 111.195 * 1.24, 1);
    // Every point inside, with room for a circle at the edge.
    expect(frame.lngMin).toBeLessThan(118.4);
    expect(frame.lngMax).toBeGreaterThan(119.8);
    expect(frame.latMin).toBeLessThan(34.0);
    expect(frame.latMax).toBeGreaterThan(35.1);
  });

  it('widens a strip so it is neither a line nor taller than a phone screen', () => {
    const flat = mapFrame([
      { lat: 34.6, lng: 119.0 },
      { lat: 34.6, lng: 119.5 },
    ]);
    expect(flat.aspect).toBeCloseTo(0.6, 10);
    expect(flat.latMax - flat.latMin).toBeCloseTo((flat.lngMax - flat.lngMin) * cos(34.6) * 0.6, 10);
    const tall = mapFrame([
      { lat: 34.0, lng: 119.0 },
      { lat: 35.0, lng: 119.0 },
    ]);
    expect(tall.aspect).toBeCloseTo(1.3, 10);
  });

  it('gives one point, or points side by side, a frame of about two kilometres', () => {
    const one = mapFrame([{ lat: 34.6, lng: 119.2 }]);
    expect(one.aspect).toBe(1);
    expect(one.latMax - one.latMin).toBeCloseTo(0.02 * 1.24, 10);
    expect((one.latMin + one.latMax) / 2).toBeCloseTo(34.6, 10);
    expect((one.lngMin + one.lngMax) / 2).toBeCloseTo(119.2, 10);
  });
});

describe('the size of a point', () => {
  it('grows in area with the places, the largest at 36 px, none below 8 px', () => {
    expect(symbolSize(400, 400)).toBe(36);
    expect(symbolSize(100, 400)).toBe(18);
    expect(symbolSize(1, 400)).toBe(8);
    expect(symbolSize(0, 400)).toBe(8);
    expect(symbolSize(0, 0)).toBe(8);
  });
});
