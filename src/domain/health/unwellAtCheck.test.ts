import { describe, expect, it } from 'vitest';
import { DEFAULT_ILLNESS_ALERT_SETTINGS } from './illnessClusters.ts';
import { unwellAtCheck } from './unwellAtCheck.ts';

const settings = DEFAULT_ILLNESS_ALERT_SETTINGS;

describe('unwell at the morning check', () => {
  it('sends a child home from 37.3 °C, not at 37.2', () => {
    expect(unwellAtCheck({ temperatureC: 37.2, symptoms: [] }, settings)).toBeNull();
    expect(unwellAtCheck({ temperatureC: 37.3, symptoms: [] }, settings)).toEqual({ feverFromC: 37.3, fever: true, redFlags: [] });
    expect(unwellAtCheck({ temperatureC: 38.4, symptoms: [] }, settings)?.fever).toBe(true);
  });

  it('follows the fever line an administrator set', () => {
    expect(unwellAtCheck({ temperatureC: 37.4, symptoms: [] }, { feverFromC: 37.5 })).toBeNull();
  });

  it('sends a child home with a red-flag sign at a normal temperature, but not for a runny nose or a cough', () => {
    expect(unwellAtCheck({ temperatureC: 36.6, symptoms: ['cough', 'runny_nose'] }, settings)).toBeNull();
    expect(unwellAtCheck({ temperatureC: 36.6, symptoms: ['cough', 'mouth_sores', 'rash'] }, settings)).toEqual({
      feverFromC: 37.3,
      fever: false,
      redFlags: ['rash', 'mouth_sores'],
    });
  });
});
