import { describe, expect, it } from 'vitest';
import { type FilingDraft, missingForFiling } from './filingReadiness.ts';

const DOCUMENTS = ['registration_certificate', 'premises_proof', 'health_evaluation', 'fire_safety'] as const;

const complete: FilingDraft = {
  facts: {
    creditCode: '52320706MJ5000001X',
    operatorType: 'private_nonprofit',
    serviceForms: ['full_day'],
    address: '海州区新浦路1号',
    divisionCode: '320706006',
    location: { lat: 34.6, lng: 119.2 },
    indoorAreaM2: 300,
    outdoorAreaM2: 0,
    openingHours: { opensAt: '07:30', closesAt: '17:30', weekdays: [1, 2, 3, 4, 5] },
    monthlyFeeYuan: { toddler: 1800 },
    servesMeals: false,
  },
  classes: [{ classType: 'toddler' }],
  staff: [{ role: 'director' }, { role: 'caregiver' }],
  documents: DOCUMENTS.map((documentType) => ({ documentType })),
};

describe('what a filing still needs', () => {
  it('needs nothing when facts, plan, fees, a caregiver and the documents are there', () => {
    expect(missingForFiling(complete)).toEqual([]);
  });

  it('names every item of a freshly started institution, facts first and documents last', () => {
    const started: FilingDraft = {
      facts: {
        ...complete.facts,
        operatorType: null,
        serviceForms: [],
        location: null,
        indoorAreaM2: null,
        outdoorAreaM2: null,
        openingHours: null,
        monthlyFeeYuan: {},
      },
      classes: [],
      staff: [],
      documents: [],
    };
    expect(missingForFiling(started)).toEqual([
      'facts.operatorType',
      'facts.serviceForms',
      'facts.location',
      'facts.indoorAreaM2',
      'facts.outdoorAreaM2',
      'facts.openingHours',
      'classes',
      'staff.caregiver',
      ...DOCUMENTS.map((d) => `documents.${d}`),
    ]);
  });

  it('asks for a fee for each class type offered, and only those', () => {
    const plan = {
      ...complete,
      classes: [{ classType: 'toddler' as const }, { classType: 'infant' as const }, { classType: 'infant' as const }],
    };
    expect(missingForFiling(plan)).toEqual(['fees.infant']);
    expect(missingForFiling({ ...plan, facts: { ...plan.facts, monthlyFeeYuan: { toddler: 1800, infant: 0 } } })).toEqual([]);
  });

  it('counts only caregivers, a township code and uploaded documents of the right type', () => {
    expect(missingForFiling({ ...complete, staff: [{ role: 'director' }, { role: 'cook' }] })).toEqual(['staff.caregiver']);
    expect(missingForFiling({ ...complete, facts: { ...complete.facts, divisionCode: '320706' } })).toEqual(['facts.divisionCode']);
    expect(missingForFiling({ ...complete, facts: { ...complete.facts, address: '' } })).toEqual(['facts.address']);
    const documents = [...complete.documents.slice(1), { documentType: 'other' as const }, { documentType: null }];
    expect(missingForFiling({ ...complete, documents })).toEqual(['documents.registration_certificate']);
  });

  it('asks for the food licence where meals are served', () => {
    expect(missingForFiling({ ...complete, facts: { ...complete.facts, servesMeals: true } })).toEqual(['documents.food_licence']);
  });
});
