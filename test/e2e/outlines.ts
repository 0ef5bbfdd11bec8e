import { expect } from 'vitest';
import { squareOutline } from '../harness/factories/geography.ts';
import { apiAs } from './api.ts';

const ADMIN = '13900000000';
const CITY = '320700';

/** The map approval number the synthetic outlines are imported under. */
export const OUTLINES_APPROVAL = 'GS(2099)0001号';

type Division = { children: { code: string; level: string }[]; referencePoint: { lat: number; lng: number } | null };

/**
 * The demo ships no outlines (real ones need a map approval number): the admin imports synthetic
 * squares, one around a township's point of each district.
 */
export async function importSquareOutlines(baseUrl: string) {
  const admin = await apiAs(baseUrl, ADMIN);
  const city = await admin<Division>('GET', `/api/v1/divisions/${CITY}`);
  const features = [];
  for (const district of city.children) {
    const township = (await admin<Division>('GET', `/api/v1/divisions/${district.code}`)).children[0];
    const point = township && (await admin<Division>('GET', `/api/v1/divisions/${township.code}`)).referencePoint;
    if (point) features.push(squareOutline(district.code, point, 0.1));
  }
  expect(features.length).toBeGreaterThan(1);
  await admin('PUT', `/api/v1/divisions/${CITY}/outlines`, {
    approvalNumber: OUTLINES_APPROVAL,
    outlines: { type: 'FeatureCollection', features },
  });
}
