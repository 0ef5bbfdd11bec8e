import type { Transaction } from 'kysely';
import type { IllnessKind } from '../../../../domain/health/illnessClusters.ts';
import type { DB } from '../../../db/schema.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { notify } from '../../../platform/notifications/notify.ts';

/** The words of the morning check's symptoms (the web's `alerts.kind`), for the officials' messages. */
const KIND_WORDS: Record<IllnessKind, Record<Locale, string>> = {
  fever: { 'zh-CN': '发热', en: 'fever' },
  cough: { 'zh-CN': '咳嗽', en: 'a cough' },
  rash: { 'zh-CN': '皮疹', en: 'a rash' },
  vomiting: { 'zh-CN': '呕吐', en: 'vomiting' },
  diarrhoea: { 'zh-CN': '腹泻', en: 'diarrhoea' },
  runny_nose: { 'zh-CN': '流涕', en: 'a runny nose' },
  red_eyes: { 'zh-CN': '红眼', en: 'red eyes' },
  mouth_sores: { 'zh-CN': '口腔疱疹', en: 'mouth sores' },
};

/**
 * A new alert reaches the district health bureau's officials at once, by SMS too. It counts
 * children and names none: the institution's own page is where the director sees who.
 */
export async function tellDistrictOfAlert(
  trx: Transaction<DB>,
  alert: { institutionName: string; divisionCode: string; day: string; kind: IllnessKind; cases: number },
  now: Date,
) {
  const officials = await findRoleHolders(trx, { role: 'district_official', withinDivision: alert.divisionCode });
  await notify(
    trx,
    officials,
    {
      kind: 'health.illness_alert',
      params: { institution: alert.institutionName, day: alert.day, cases: alert.cases, symptom: KIND_WORDS[alert.kind] },
      link: '/official/alerts',
    },
    now,
  );
}
