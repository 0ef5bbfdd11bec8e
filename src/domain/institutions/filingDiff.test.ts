import { describe, expect, it } from 'vitest';
import { diffFiling, type FilingSide, isEmptyDiff } from './filingDiff.ts';

const filed: FilingSide = {
  facts: {
    name: '阳光托育园',
    address: '解放路1号',
    indoorAreaM2: 300,
    location: { lat: 34.6, lng: 119.2 },
    monthlyFeeYuan: { toddler: 1800, infant: 2200 },
    serviceForms: ['full_day'],
    contactPhone: null,
  },
  classes: [
    { id: 'c1', classType: 'toddler', name: '托小一班', capacity: 15 },
    { id: 'c2', classType: 'infant', name: '乳儿班', capacity: 10 },
  ],
  documents: [
    { id: 'd1', documentType: 'premises_proof', filename: '租赁合同.pdf' },
    { id: 'd2', documentType: 'fire_safety', filename: '消防.pdf' },
  ],
};

describe('diffFiling', () => {
  it('names each changed fact with its value before and after, ignoring key order and untouched facts', () => {
    const diff = diffFiling(filed, {
      ...filed,
      facts: {
        ...filed.facts,
        address: '解放路2号',
        indoorAreaM2: 360,
        location: { lng: 119.2, lat: 34.6 },
        monthlyFeeYuan: { infant: 2200, toddler: 1800 },
      },
    });
    expect(diff.facts).toEqual([
      { fact: 'address', before: '解放路1号', after: '解放路2号' },
      { fact: 'indoorAreaM2', before: 300, after: 360 },
    ]);
  });

  it('lists classes added, removed and changed by their id', () => {
    const diff = diffFiling(filed, {
      ...filed,
      classes: [
        { id: 'c1', classType: 'toddler', name: '托小一班', capacity: 12 },
        { id: 'c3', classType: 'older_toddler', name: '托大班', capacity: 20 },
      ],
    });
    expect(diff.classes).toEqual({
      added: [{ id: 'c3', classType: 'older_toddler', name: '托大班', capacity: 20 }],
      removed: [{ id: 'c2', classType: 'infant', name: '乳儿班', capacity: 10 }],
      changed: [
        {
          before: { id: 'c1', classType: 'toddler', name: '托小一班', capacity: 15 },
          after: { id: 'c1', classType: 'toddler', name: '托小一班', capacity: 12 },
        },
      ],
    });
  });

  it('shows a document replaced, added or removed per document type', () => {
    const diff = diffFiling(filed, {
      ...filed,
      documents: [
        { id: 'd3', documentType: 'premises_proof', filename: '新租赁合同.pdf' },
        { id: 'd4', documentType: 'health_evaluation', filename: '卫评.pdf' },
      ],
    });
    expect(diff.documents).toEqual([
      {
        documentType: 'premises_proof',
        before: [{ id: 'd1', documentType: 'premises_proof', filename: '租赁合同.pdf' }],
        after: [{ id: 'd3', documentType: 'premises_proof', filename: '新租赁合同.pdf' }],
      },
      { documentType: 'fire_safety', before: [{ id: 'd2', documentType: 'fire_safety', filename: '消防.pdf' }], after: [] },
      { documentType: 'health_evaluation', before: [], after: [{ id: 'd4', documentType: 'health_evaluation', filename: '卫评.pdf' }] },
    ]);
  });

  it('finds nothing in a filing compared with itself', () => {
    expect(isEmptyDiff(diffFiling(filed, structuredClone(filed)))).toBe(true);
    expect(isEmptyDiff(diffFiling(filed, { ...filed, facts: { ...filed.facts, contactPhone: '0518-1234567' } }))).toBe(false);
  });
});
