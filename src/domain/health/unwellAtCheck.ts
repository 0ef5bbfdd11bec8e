import { type IllnessAlertSettings, kindsOfCheck, type MorningCheckSymptom } from './illnessClusters.ts';

/**
 * Signs at the morning check that send a child home at once, whatever the temperature: the signs
 * of the communicable illnesses nurseries watch for (hand-foot-mouth disease: rash, mouth sores;
 * gastro-enteritis: vomiting, diarrhoea; conjunctivitis: red eyes), and a fever the caregiver
 * ticked. A cough or a runny nose alone is noted, not a reason to call the family. This list is a
 * choice of this platform after 托儿所幼儿园卫生保健工作规范 (2012) asks that a child with signs of
 * a communicable disease be separated and the family told; the text names no list.
 */
export const RED_FLAG_SYMPTOMS: readonly MorningCheckSymptom[] = ['fever', 'rash', 'mouth_sores', 'vomiting', 'diarrhoea', 'red_eyes'];

/** Why a child should go home from the morning check: a fever by the thermometer, red-flag signs. */
export type UnwellAtCheck = { feverFromC: number; fever: boolean; redFlags: MorningCheckSymptom[] };

/**
 * The one rule for "this child should leave and the family be told" (建议离园，通知家长), used by
 * the server when it records a check and by the web, which shows what the server answered. The
 * fever line is the same setting that counts fever for illness alerts (37.3 °C by default), so a
 * child counted in an alert is always a child whose family was told. `null` when the child is well.
 */
export function unwellAtCheck(
  check: { temperatureC: number; symptoms: readonly string[] },
  settings: Pick<IllnessAlertSettings, 'feverFromC'>,
): UnwellAtCheck | null {
  const fever = kindsOfCheck(
    { temperatureC: check.temperatureC, symptoms: [] },
    { feverFromC: settings.feverFromC, casesPerClassPerDay: 1 },
  ).includes('fever');
  const redFlags = RED_FLAG_SYMPTOMS.filter((s) => check.symptoms.includes(s));
  return fever || redFlags.length > 0 ? { feverFromC: settings.feverFromC, fever, redFlags } : null;
}
