import { describe, expect, it } from 'vitest';
import { appointableDivisions, mayAppoint, mayDisableAccount, mayManageAccount, mayRevoke } from './appointments.ts';

const admin = [{ role: 'admin' as const }];
const city = [{ role: 'city_official' as const, divisionCode: '320700' }];
const district = [{ role: 'district_official' as const, divisionCode: '320706' }];

describe('who may appoint whom', () => {
  it('the admin appoints city and district officials anywhere', () => {
    expect(mayAppoint(admin, { role: 'city_official', divisionCode: '320700' })).toBe(true);
    expect(mayAppoint(admin, { role: 'district_official', divisionCode: '320106' })).toBe(true);
  });

  it('a city official appoints district officials of their own city only', () => {
    expect(mayAppoint(city, { role: 'district_official', divisionCode: '320724' })).toBe(true);
    expect(mayAppoint(city, { role: 'district_official', divisionCode: '320106' })).toBe(false);
    expect(mayAppoint(city, { role: 'city_official', divisionCode: '320700' })).toBe(false);
  });

  it('nobody else appoints, and nobody appoints staff, parents or admins this way', () => {
    expect(mayAppoint(district, { role: 'district_official', divisionCode: '320706' })).toBe(false);
    expect(mayAppoint(admin, { role: 'admin' })).toBe(false);
    expect(mayAppoint(admin, { role: 'caregiver', institutionId: 'x' })).toBe(false);
    expect(mayAppoint(admin, { role: 'district_official' })).toBe(false);
  });

  it('the admin may end any role; a city official only what they may appoint', () => {
    expect(mayRevoke(admin, { role: 'caregiver', institutionId: 'x' })).toBe(true);
    expect(mayRevoke(city, { role: 'caregiver', institutionId: 'x' })).toBe(false);
    expect(mayRevoke(city, { role: 'district_official', divisionCode: '320706' })).toBe(true);
  });
});

describe('whose account a manager may manage', () => {
  const parent = [{ role: 'parent' as const }];
  const inCity = [{ role: 'district_official' as const, divisionCode: '320706' }];
  const elsewhere = [{ role: 'district_official' as const, divisionCode: '320106' }];

  it('the admin any account; a city official parents and their own district officials', () => {
    expect(mayManageAccount(admin, city)).toBe(true);
    expect(mayManageAccount(city, parent)).toBe(true);
    expect(mayManageAccount(city, inCity)).toBe(true);
    expect(mayManageAccount(city, elsewhere)).toBe(false);
    expect(mayManageAccount(city, city)).toBe(false);
    expect(mayManageAccount(city, admin)).toBe(false);
    expect(mayManageAccount(district, parent)).toBe(false);
  });

  it('a city official disables district officials of the city, not parents', () => {
    expect(mayDisableAccount(city, inCity)).toBe(true);
    expect(mayDisableAccount(city, parent)).toBe(false);
    expect(mayDisableAccount(admin, parent)).toBe(true);
  });
});

describe('which divisions an appointment form offers', () => {
  const divisions = [
    { code: '320700', level: 'city' },
    { code: '320706', level: 'district' },
    { code: '320724', level: 'district' },
    { code: '320106', level: 'district' },
    { code: '320706001', level: 'township' },
  ];
  const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

  it('the admin is offered every division of the role’s level', () => {
    expect(codes(appointableDivisions(admin, 'city_official', divisions))).toEqual(['320700']);
    expect(codes(appointableDivisions(admin, 'district_official', divisions))).toEqual(['320706', '320724', '320106']);
  });

  it('a city official only the districts of their city, and no city at all', () => {
    expect(codes(appointableDivisions(city, 'district_official', divisions))).toEqual(['320706', '320724']);
    expect(appointableDivisions(city, 'city_official', divisions)).toEqual([]);
    expect(appointableDivisions(district, 'district_official', divisions)).toEqual([]);
  });
});
