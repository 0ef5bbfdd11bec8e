import { describe, expect, it } from 'vitest';
import type { DivisionNode } from '../geography/api';
import { lastMonths } from './format';
import { concerning, pathTo, townshipsOf } from './tree';

const node = (code: string, level: DivisionNode['level'], children: DivisionNode[] = []): DivisionNode => ({
  code,
  name: code,
  level,
  pinyin: '',
  initials: '',
  population: null,
  children,
});

const tree = [
  node('320700', 'city', [
    node('320703', 'district', [node('320703001', 'township'), node('320703002', 'township')]),
    node('320706', 'district', [node('320706001', 'township')]),
  ]),
];

describe('the dashboard’s walk of the division tree', () => {
  it('finds the breadcrumb from the city down to a township', () => {
    expect(pathTo(tree, '320706001').map((d) => d.code)).toEqual(['320700', '320706', '320706001']);
    expect(pathTo(tree, '999999')).toEqual([]);
  });

  it('lists the townships a scenario may add places to', () => {
    expect(townshipsOf(tree[0] as DivisionNode).map((d) => d.code)).toEqual(['320703001', '320703002', '320706001']);
  });

  it('asks for the 24 months ending this month, across a year boundary', () => {
    expect(lastMonths('2026-03-15')).toEqual({ from: '2024-04', to: '2026-03' });
    expect(lastMonths('2026-12-01')).toEqual({ from: '2025-01', to: '2026-12' });
  });

  it('counts the work of a district’s city, the district and its townships, and no other district', () => {
    expect([...concerning(pathTo(tree, '320703'))].sort()).toEqual(['320700', '320703', '320703001', '320703002']);
    expect(concerning([]).size).toBe(0);
  });
});
