import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { addDaysIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Prng } from '../../../../domain/random/prng.ts';
import { inChunks } from '../../../db/inChunks.ts';
import type { DB } from '../../../db/schema.ts';
import { type AuditEntry, appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { shanghai } from './book.ts';
import { type DemoInstitution, findDistrictOfficials } from './queries.ts';

/** The city reported 19 childcare employers receiving social-insurance subsidies (2023). */
export const SOCIAL_INSURANCE_2023 = 19;

/**
 * Social insurance subsidy applications: the 19 of 2023, reviewed by the district and approved by
 * the city early in 2024, and this year's first few still in review (one at the guidance centre,
 * whose director is a demo account). Amounts are the demo's: the employer's share of
 * contributions for the insured staff, roughly 800 yuan a person a month.
 */
export async function seedApplications(
  trx: Transaction<DB>,
  prng: Prng,
  options: {
    now: Date;
    institutions: (DemoInstitution & { divisionCode: string })[];
    cityOfficialId: string | null;
    guidanceCentreId: string | null;
  },
) {
  const today = todayInShanghai(options.now);
  const year = today.slice(0, 4);
  const districtOfficials = await findDistrictOfficials(trx);
  const reviewer = (district: string) => districtOfficials.find((d) => d.division_code === district)?.user_id ?? null;
  const applications: Insertable<DB['institution_subsidy_applications']>[] = [];
  const events: Insertable<DB['institution_subsidy_events']>[] = [];
  const audit: AuditEntry[] = [];
  const pool = [...options.institutions].sort(() => prng.next() - 0.5);
  const add = (
    i: (typeof pool)[number],
    from: string,
    to: string,
    status: string,
    submittedOn: string,
    steps: { action: string; to: string; on: string; note?: string }[],
  ) => {
    const id = randomUUID();
    const staff = prng.int(5, 18);
    const months = 12;
    const requested = staff * months * 80_000;
    const approved = status === 'approved' ? requested - prng.int(0, 3) * 80_000 : null;
    const district = i.divisionCode.slice(0, 6);
    applications.push({
      id,
      institution_id: i.id,
      district_code: district,
      kind: 'social_insurance',
      period_from: from,
      period_to: to,
      details: JSON.stringify({ insuredStaff: staff, months }),
      description: `为${staff}名在岗保育人员缴纳社会保险，申请社保补贴。`,
      requested_fen: requested,
      suggested_fen: null,
      status,
      approved_fen: approved,
      submitted_at: shanghai(submittedOn),
      submitted_by: i.directorId,
      updated_at: shanghai(steps.at(-1)?.on ?? submittedOn),
    });
    let from_status: string | null = null;
    for (const s of [{ action: 'submit', to: 'submitted', on: submittedOn }, ...steps]) {
      const by = s.action === 'submit' ? i.directorId : s.action.startsWith('city') ? options.cityOfficialId : reviewer(district);
      events.push({
        application_id: id,
        action: s.action,
        from_status,
        to_status: s.to,
        actor_id: by,
        note: s.note ?? null,
        amount_fen: s.action === 'city_approve' ? approved : null,
        at: shanghai(s.on, 11),
      });
      audit.push({
        action: `subsidy_application.${s.action}`,
        entityType: 'institution',
        entityId: i.id,
        detail: { applicationId: id, to: s.to, on: s.on, demo: true },
      });
      from_status = s.to;
    }
  };
  for (const i of pool.slice(0, SOCIAL_INSURANCE_2023)) {
    const submitted = addDaysIso('2024-01-08', prng.int(0, 20));
    add(i, '2023-01-01', '2023-12-31', 'approved', submitted, [
      { action: 'district_approve', to: 'district_approved', on: addDaysIso(submitted, 6), note: '材料齐全，人数与参保记录一致' },
      { action: 'city_approve', to: 'approved', on: addDaysIso(submitted, 20) },
    ]);
  }
  const guidance = options.institutions.find((i) => i.id === options.guidanceCentreId);
  const current = [guidance, ...pool.slice(SOCIAL_INSURANCE_2023, SOCIAL_INSURANCE_2023 + 3)].filter((i) => i !== undefined);
  const lastYear = `${Number(year) - 1}`;
  current.forEach((i, n) => {
    const submitted = addDaysIso(today, -(n + 2));
    const steps =
      n === 1
        ? [{ action: 'district_approve', to: 'district_approved', on: addDaysIso(today, -1) }]
        : n === 2
          ? [{ action: 'district_return', to: 'returned', on: addDaysIso(today, -1), note: '请补充全年社保缴费凭证' }]
          : [];
    add(i, `${lastYear}-01-01`, `${lastYear}-12-31`, steps.at(-1)?.to ?? 'submitted', submitted, steps);
  });
  await inChunks(applications, 1_000, (chunk) => trx.insertInto('institution_subsidy_applications').values(chunk).execute());
  await inChunks(events, 1_000, (chunk) => trx.insertInto('institution_subsidy_events').values(chunk).execute());
  await appendAudit(trx, SYSTEM_CONTEXT, audit, options.now);
  return { approved2023: Math.min(SOCIAL_INSURANCE_2023, pool.length), inReview: current.length };
}
