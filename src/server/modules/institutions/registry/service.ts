import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { type InstitutionStatus, isLockedForEditing } from '../../../../domain/institutions/filingWorkflow.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { type Actor, roles, type Scope, scopeOf } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { grantRole } from '../../../platform/auth/accounts.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { pinyinOf } from '../../geography/index.ts';
import { actingRoles } from '../common/access.ts';
import { feesToColumns, toFen } from '../common/fees.ts';
import { assertTownship, getInstitutionInScope, isUniqueViolation } from '../common/queries.ts';
import { loadStates } from '../common/state.ts';
import { findComplianceSettings } from '../compliance/settings.ts';
import { republishNonKeyFacts } from '../filing/queries.ts';
import { findRosterConflicts } from '../staff/service.ts';
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
  return {
    ...recordView(state, actingRoles(scope, institution), today, settings),
    rosterConflicts: await findRosterConflicts(deps.db, state.staff, id, today),
  };
}

type DraftFacts = { name: string; divisionCode: string; creditCode?: string | undefined; address?: string | undefined };

/**
 * The one writer of a new registry entry (a draft), in the caller's transaction. One credit code,
 * one live institution: checked here, and settled by the unique index when two start at once.
 */
async function insertDraft(trx: Transaction<DB>, facts: DraftFacts, now: Date): Promise<string> {
  await assertTownship(trx, facts.divisionCode, todayInShanghai(now));
  if (facts.creditCode && (await isCreditCodeTaken(trx, facts.creditCode, null))) throw new AppError('CREDIT_CODE_TAKEN');
  const row = await insertInstitution(trx, {
    name: facts.name,
    division_code: facts.divisionCode,
    credit_code: facts.creditCode ?? null,
    address: facts.address ?? null,
    ...pinyinOf(facts.name),
    status_changed_at: now,
    created_at: now,
    updated_at: now,
  });
  return row.id;
}

/** The losing side of two writers of one credit code at once gets the same 409 as a later one. */
function creditCodeRace(err: unknown): never {
  if (isUniqueViolation(err, 'institutions_credit_code_idx')) throw new AppError('CREDIT_CODE_TAKEN');
  throw err;
}

/** Officials open a draft registry entry in a township they oversee; its director completes it. */
export async function createInstitution(deps: Deps, scope: Scope, context: AuditContext, body: DraftFacts) {
  const now = deps.clock.now();
  if (!divisionInScope(scope, body.divisionCode)) throw new AppError('UNKNOWN_TOWNSHIP', { code: body.divisionCode });
  const id = await deps.db
    .transaction()
    .execute(async (trx) => {
      const id = await insertDraft(trx, body, now);
      await appendAudit(
        trx,
        context,
        { action: 'institution.create', entityType: 'institution', entityId: id, detail: { name: body.name } },
        now,
      );
      return id;
    })
    .catch(creditCodeRace);
  return getRecord(deps, scope, id);
}

/**
 * Anyone signed in starts an institution of their own: a draft, and they become its director in
 * the same transaction, then complete and submit its filing like any director.
 */
export async function startInstitution(deps: Deps, actor: Actor, context: AuditContext, body: DraftFacts) {
  const now = deps.clock.now();
  const id = await deps.db
    .transaction()
    .execute(async (trx) => {
      const id = await insertDraft(trx, body, now);
      await grantRole(trx, actor.userId, { role: 'institution_admin', institutionId: id });
      await appendAudit(
        trx,
        context,
        { action: 'institution.start', entityType: 'institution', entityId: id, detail: { name: body.name } },
        now,
      );
      return id;
    })
    .catch(creditCodeRace);
  const director = { ...actor, grants: [...actor.grants, { role: 'institution_admin' as const, institutionId: id }] };
  return getRecord(deps, scopeOf(director, roles('institution_admin')), id);
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
    .catch(creditCodeRace);
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
