import type { z } from 'zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { type InstitutionStatus, isLockedForEditing } from '../../../../domain/institutions/filingWorkflow.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { pinyinOf } from '../../geography/index.ts';
import { actingRoles } from '../common/access.ts';
import { feesToColumns, toFen } from '../common/fees.ts';
import { assertTownship, getInstitutionInScope, isUniqueViolation } from '../common/queries.ts';
import { loadStates } from '../common/state.ts';
import { findComplianceSettings } from '../compliance/settings.ts';
import { republishNonKeyFacts } from '../filing/queries.ts';
import { recordView } from './presenters.ts';
import { insertInstitution, isCreditCodeTaken, updateInstitution } from './queries.ts';
import type { UpdateFactsBody } from './schemas.ts';

type Facts = z.infer<typeof UpdateFactsBody>;

/** Fields of the facts body that the public sees at once (src/domain/institutions/keyFacts.ts). */
const PUBLISHED_AT_ONCE: (keyof Facts)[] = ['serviceForms', 'openingHours', 'monthlyFeeYuan', 'contactPhone'];

/** The full record of one institution in the caller's scope. */
export async function getRecord(deps: Deps, scope: Scope, id: string) {
  const institution = await getInstitutionInScope(deps.db, scope, id);
  const today = todayInShanghai(deps.clock.now());
  const [states, settings] = await Promise.all([
    loadStates(deps.db, [id], today, { files: true, filings: true }),
    findComplianceSettings(deps.db),
  ]);
  const state = states.get(id);
  if (!state) throw new AppError('NOT_FOUND');
  return recordView(state, actingRoles(scope, institution), today, settings);
}

/** Officials open a draft registry entry in a township they oversee; its director completes it. */
export async function createInstitution(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  body: { name: string; divisionCode: string; creditCode?: string | undefined },
) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  if (!divisionInScope(scope, body.divisionCode)) throw new AppError('UNKNOWN_TOWNSHIP', { code: body.divisionCode });
  const id = await deps.db.transaction().execute(async (trx) => {
    await assertTownship(trx, body.divisionCode, today);
    if (body.creditCode && (await isCreditCodeTaken(trx, body.creditCode, null))) throw new AppError('CREDIT_CODE_TAKEN');
    const row = await insertInstitution(trx, {
      name: body.name,
      division_code: body.divisionCode,
      credit_code: body.creditCode ?? null,
      ...pinyinOf(body.name),
      status_changed_at: now,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(
      trx,
      context,
      { action: 'institution.create', entityType: 'institution', entityId: row.id, detail: { name: body.name } },
      now,
    );
    return row.id;
  });
  return getRecord(deps, scope, id);
}

/**
 * The director changes facts. Nothing changes while a filing is in review or once closed. On a
 * filed institution key facts stay in the working copy until a change filing is filed; the
 * rest are published at once.
 */
export async function updateFacts(deps: Deps, scope: Scope, context: AuditContext, id: string, facts: Facts) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  await deps.db
    .transaction()
    .execute(async (trx) => {
      const institution = await getInstitutionInScope(trx, scope, id, true);
      if (isLockedForEditing(institution.status as InstitutionStatus))
        throw new AppError('INSTITUTION_LOCKED', { status: institution.status });
      if (facts.divisionCode) await assertTownship(trx, facts.divisionCode, today);
      if (facts.creditCode && (await isCreditCodeTaken(trx, facts.creditCode, id))) throw new AppError('CREDIT_CODE_TAKEN');
      await updateInstitution(trx, id, { ...columnsOf(facts), updated_at: now });
      if (PUBLISHED_AT_ONCE.some((k) => k in facts)) await republishNonKeyFacts(trx, id, now);
      await appendAudit(
        trx,
        context,
        { action: 'institution.update', entityType: 'institution', entityId: id, detail: { fields: Object.keys(facts) } },
        now,
      );
    })
    .catch((err) => {
      if (isUniqueViolation(err, 'institutions_credit_code_idx')) throw new AppError('CREDIT_CODE_TAKEN');
      throw err;
    });
  return getRecord(deps, scope, id);
}

function columnsOf(f: Facts) {
  return {
    ...(f.name !== undefined ? { name: f.name, ...pinyinOf(f.name) } : {}),
    ...(f.creditCode !== undefined ? { credit_code: f.creditCode } : {}),
    ...(f.operatorType !== undefined ? { operator_type: f.operatorType } : {}),
    ...(f.serviceForms !== undefined ? { service_forms: [...new Set(f.serviceForms)] } : {}),
    ...(f.address !== undefined ? { address: f.address } : {}),
    ...(f.divisionCode !== undefined ? { division_code: f.divisionCode } : {}),
    ...(f.location !== undefined ? { lat: f.location.lat, lng: f.location.lng } : {}),
    ...(f.indoorAreaM2 !== undefined ? { indoor_area_m2: f.indoorAreaM2 } : {}),
    ...(f.outdoorAreaM2 !== undefined ? { outdoor_area_m2: f.outdoorAreaM2 } : {}),
    ...(f.openingHours !== undefined
      ? f.openingHours === null
        ? { opens_at: null, closes_at: null }
        : {
            opens_at: f.openingHours.opensAt,
            closes_at: f.openingHours.closesAt,
            open_weekdays: [...new Set(f.openingHours.weekdays)].sort((a, b) => a - b),
          }
      : {}),
    ...(f.monthlyFeeYuan !== undefined ? feesToColumns(toFen(f.monthlyFeeYuan)) : {}),
    ...(f.servesMeals !== undefined ? { serves_meals: f.servesMeals } : {}),
    ...(f.facilities !== undefined ? { facilities: f.facilities } : {}),
    ...(f.description !== undefined ? { description: f.description } : {}),
    ...(f.contactPhone !== undefined ? { contact_phone: f.contactPhone } : {}),
  };
}
