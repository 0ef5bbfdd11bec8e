import type { Transaction } from 'kysely';
import { classTypesForAge } from '../../../domain/classes/classTypes.ts';
import { ageInMonths } from '../../../domain/dates/childAge.ts';
import { compareIso, todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { allowedActions, type ChoiceStatus, nextStatus } from '../../../domain/enrollment/applicationWorkflow.ts';
import { placesLeft } from '../../../domain/enrollment/placement.ts';
import { type WaitlistPriority, waitlistPositions } from '../../../domain/enrollment/waitlist.ts';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Scope } from '../../platform/access/access.ts';
import { findVisibleChildIds } from '../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../platform/errors/AppError.ts';
import * as q from './applicationQueries.ts';
import type { ApplicationView, NewApplication, WaitlistPriorities } from './applicationSchemas.ts';

const DAY_MS = 86_400_000;

function actionNotAllowed(status: ChoiceStatus, by: 'institution' | 'parent') {
  const allowed = allowedActions(status, by);
  return new AppError('APPLICATION_ACTION_NOT_ALLOWED', { allowed: allowed.length ? allowed.join(', ') : '—' }, { allowed });
}

/** A guardian applies for their child, naming 1–3 filed institutions in order. */
export async function applyForPlace(deps: Deps, scope: Scope, input: NewApplication, context: AuditContext) {
  const visible = await findVisibleChildIds(deps.db, scope, [input.childId]);
  if (!scope.guardianUserId || !visible.has(input.childId)) throw new AppError('NOT_FOUND');
  const child = await deps.db.selectFrom('children').select(['birth_date']).where('id', '=', input.childId).executeTakeFirstOrThrow();
  const today = todayInShanghai(deps.clock.now());
  if (compareIso(input.startDate, today) < 0) throw fieldError('body.startDate', 'startDate.past');
  if (ageInMonths(child.birth_date, input.startDate) >= 36) throw fieldError('body.startDate', 'startDate.afterThree');
  if (classTypesForAge(child.birth_date, input.startDate).length === 0) throw fieldError('body.startDate', 'startDate.tooYoung');
  if (new Set(input.institutionIds).size !== input.institutionIds.length) throw fieldError('body.institutionIds', 'institutions.duplicate');
  const institutions = await q.findFiledInstitutions(deps.db, input.institutionIds);
  if (institutions.length !== input.institutionIds.length) throw fieldError('body.institutionIds', 'institution.notAccepting');
  if (await q.findOpenApplicationOfChild(deps.db, input.childId)) throw new AppError('APPLICATION_OPEN');

  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const application = await trx
      .insertInto('applications')
      .values({
        child_id: input.childId,
        guardian_id: scope.guardianUserId as string,
        start_date: input.startDate,
        sibling_attends: input.siblingAttends,
        staff_child: input.staffChild,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('application_choices')
      .values(
        input.institutionIds.map((institutionId, i) => ({ application_id: application.id, institution_id: institutionId, rank: i + 1 })),
      )
      .execute();
    await appendAudit(
      trx,
      context,
      {
        action: 'application.create',
        entityType: 'application',
        entityId: application.id,
        detail: { childId: input.childId, institutions: input.institutionIds.length },
      },
      now,
    );
    return application.id;
  });
  const [view] = await presentApplications(deps, [input.childId], id);
  return view as ApplicationView;
}

export async function listMyApplications(deps: Deps, scope: Scope) {
  if (!scope.guardianUserId) return [];
  const children = await deps.db.selectFrom('child_guardians').select('child_id').where('user_id', '=', scope.guardianUserId).execute();
  return presentApplications(
    deps,
    children.map((c) => c.child_id),
  );
}

async function presentApplications(deps: Deps, childIds: string[], onlyId?: string): Promise<ApplicationView[]> {
  const now = deps.clock.now();
  const apps = (await q.findApplicationsOfChildren(deps.db, childIds)).filter((a) => !onlyId || a.id === onlyId);
  const choices = await q.findChoices(
    deps.db,
    apps.map((a) => a.id),
  );
  const positions = new Map<string, number>();
  for (const institutionId of new Set(choices.filter((c) => c.status === 'waitlisted').map((c) => c.institution_id))) {
    for (const [choiceId, pos] of await waitlistFor(deps, institutionId)) positions.set(choiceId, pos);
  }
  return apps.map((a) => ({
    id: a.id,
    childId: a.child_id,
    childName: a.child_name,
    startDate: a.start_date,
    siblingAttends: a.sibling_attends,
    staffChild: a.staff_child,
    createdAt: new Date(a.created_at).toISOString(),
    choices: choices
      .filter((c) => c.application_id === a.id)
      .map((c) => {
        const status = effectiveStatus(c.status as ChoiceStatus, c.offer_expires_at, now);
        return {
          id: c.id,
          institutionId: c.institution_id,
          institutionName: c.institution_name,
          rank: c.rank,
          status,
          waitlistPosition: positions.get(c.id) ?? null,
          offer:
            status === 'offered' && c.class_id && c.offer_expires_at
              ? {
                  classId: c.class_id,
                  className: c.class_name ?? '',
                  classType: c.class_type ?? '',
                  expiresAt: new Date(c.offer_expires_at).toISOString(),
                }
              : null,
          allowedActions: allowedActions(status, 'parent'),
        };
      }),
  }));
}

/** An offer past its expiry is expired whether or not the sweep has written it yet. */
function effectiveStatus(status: ChoiceStatus, expiresAt: Date | null, now: Date): ChoiceStatus {
  return status === 'offered' && expiresAt && expiresAt <= now ? 'expired' : status;
}

function prioritiesOf(
  row: { sibling_attends: boolean; staff_child: boolean; residence_division_code: string },
  institutionDivision: string,
): WaitlistPriority[] {
  const held: WaitlistPriority[] = [];
  if (row.sibling_attends) held.push('sibling');
  if (row.staff_child) held.push('staff_child');
  if (row.residence_division_code === institutionDivision) held.push('local_resident');
  return held;
}

/**
 * What the board shows an application holding: only what the institution states, in its order.
 * A fact it does not state (living in the township, say) plays no part in the order, and showing
 * it would suggest it does.
 */
function statedHeld(held: readonly WaitlistPriority[], stated: readonly WaitlistPriority[]): WaitlistPriority[] {
  return stated.filter((p) => held.includes(p));
}

async function findWaitlistRule(deps: Deps, institutionId: string) {
  const institution = await deps.db
    .selectFrom('institutions')
    .select(['division_code', 'waitlist_priorities'])
    .where('id', '=', institutionId)
    .executeTakeFirstOrThrow();
  return { divisionCode: institution.division_code, stated: institution.waitlist_priorities as WaitlistPriority[] };
}

async function waitlistFor(deps: Deps, institutionId: string): Promise<Map<string, number>> {
  const [rule, rows] = await Promise.all([findWaitlistRule(deps, institutionId), q.findWaitlisted(deps.db, institutionId)]);
  return waitlistPositions(
    rows.map((r) => ({ id: r.id, appliedAt: new Date(r.created_at), priorities: prioritiesOf(r, rule.divisionCode) })),
    rule.stated,
  );
}

/**
 * The director states the waitlist priorities, highest first. Positions are worked out on every
 * read, so the waitlist follows the new order at once.
 */
export async function setWaitlistPriorities(
  deps: Deps,
  scope: Scope,
  institutionId: string,
  input: WaitlistPriorities,
  context: AuditContext,
): Promise<WaitlistPriorities> {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('institutions')
      .set({ waitlist_priorities: input.priorities, updated_at: now })
      .where('id', '=', institutionId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.waitlist_priorities',
        entityType: 'institution',
        entityId: institutionId,
        detail: { priorities: input.priorities },
      },
      now,
    );
  });
  return { priorities: (await findWaitlistRule(deps, institutionId)).stated };
}

/** The director's board: every application to the institution, with waitlist order and the stated priorities. Audited. */
export async function getBoard(deps: Deps, scope: Scope, institutionId: string, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const [rule, rows, positions] = await Promise.all([
    findWaitlistRule(deps, institutionId),
    q.findBoard(deps.db, institutionId),
    waitlistFor(deps, institutionId),
  ]);
  await appendAudit(
    deps.db,
    context,
    [...new Set(rows.map((r) => r.child_id))].map((id) => ({
      action: 'child.read',
      entityType: 'child',
      entityId: id,
      detail: { via: 'application_board' },
    })),
    now,
  );
  const items = rows
    .map((r) => {
      const status = effectiveStatus(r.status as ChoiceStatus, r.offer_expires_at, now);
      return {
        applicationId: r.application_id,
        choiceId: r.choice_id,
        childId: r.child_id,
        childName: r.child_name,
        birthDate: r.birth_date,
        startDate: r.start_date,
        ageMonthsAtStart: ageInMonths(r.birth_date, r.start_date),
        classTypes: classTypesForAge(r.birth_date, r.start_date),
        rank: r.rank,
        status,
        priorities: statedHeld(prioritiesOf(r, rule.divisionCode), rule.stated),
        waitlistPosition: positions.get(r.choice_id) ?? null,
        appliedAt: new Date(r.created_at).toISOString(),
        offer:
          status === 'offered' && r.class_id && r.offer_expires_at
            ? { classId: r.class_id, className: r.class_name ?? '', expiresAt: new Date(r.offer_expires_at).toISOString() }
            : null,
        allowedActions: allowedActions(status, 'institution'),
      };
    })
    .sort((a, b) => (a.waitlistPosition ?? 1e9) - (b.waitlistPosition ?? 1e9) || a.appliedAt.localeCompare(b.appliedAt));
  return { items, statedPriorities: rule.stated };
}

/** The one choice of an application that belongs to the director's institution, locked. */
async function lockDirectorChoice(trx: Transaction<DB>, scope: Scope, applicationId: string) {
  for (const institutionId of scope.institutionIds) {
    const choice = await q.lockChoice(trx, applicationId, institutionId);
    if (choice) return choice;
  }
  throw new AppError('NOT_FOUND');
}

/** Waitlist or decline, by the institution. */
export async function decideByInstitution(
  deps: Deps,
  scope: Scope,
  applicationId: string,
  action: 'waitlist' | 'decline',
  context: AuditContext,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const choice = await lockDirectorChoice(trx, scope, applicationId);
    const status = effectiveStatus(choice.status as ChoiceStatus, choice.offer_expires_at, now);
    const to = nextStatus(status, action);
    if (!to) throw actionNotAllowed(status, 'institution');
    await trx.updateTable('application_choices').set({ status: to, decided_at: now }).where('id', '=', choice.id).execute();
    await appendAudit(
      trx,
      context,
      {
        action: `application.${action}`,
        entityType: 'application',
        entityId: applicationId,
        detail: { institutionId: choice.institution_id },
      },
      now,
    );
  });
}

/** An offer of a place in a class that fits the child's age on the start date. */
export async function makeOffer(
  deps: Deps,
  scope: Scope,
  applicationId: string,
  input: { classId: string; expiresAt: string },
  context: AuditContext,
) {
  const now = deps.clock.now();
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= now || expiresAt.getTime() - now.getTime() > 30 * DAY_MS) throw fieldError('body.expiresAt', 'expiresAt.range');
  const application = await q.findApplication(deps.db, applicationId);
  if (!application) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const choice = await lockDirectorChoice(trx, scope, applicationId);
    const status = effectiveStatus(choice.status as ChoiceStatus, choice.offer_expires_at, now);
    if (!nextStatus(status, 'offer')) throw actionNotAllowed(status, 'institution');
    const load = await q.findClassLoad(trx, input.classId);
    if (!load || load.institution_id !== choice.institution_id) throw fieldError('body.classId', 'class.notAvailable');
    if (!classTypesForAge(application.birth_date, application.start_date).includes(load.classType as never))
      throw fieldError('body.classId', 'class.wrongType');
    if (
      placesLeft({ classType: load.classType as never, capacity: load.capacity, caregivers: load.caregivers, enrolled: load.enrolled }) ===
      0
    ) {
      throw new AppError('CLASS_FULL');
    }
    await trx
      .updateTable('application_choices')
      .set({ status: 'offered', class_id: input.classId, offer_expires_at: expiresAt, decided_at: now })
      .where('id', '=', choice.id)
      .execute();
    await appendAudit(
      trx,
      context,
      {
        action: 'application.offer',
        entityType: 'application',
        entityId: applicationId,
        detail: { institutionId: choice.institution_id, classId: input.classId, expiresAt: expiresAt.toISOString() },
      },
      now,
    );
  });
}

async function lockGuardianApplication(trx: Transaction<DB>, scope: Scope, applicationId: string) {
  const application = await q.findApplication(trx, applicationId);
  if (!application || !scope.guardianUserId) throw new AppError('NOT_FOUND');
  const visible = await findVisibleChildIds(trx, scope, [application.child_id]);
  if (!visible.has(application.child_id)) throw new AppError('NOT_FOUND');
  return { application, choices: await q.lockChoicesOfApplication(trx, applicationId) };
}

function pickOffered<T extends { status: string; institution_id: string }>(choices: T[], institutionId?: string): T | undefined {
  return choices.find((c) => c.status === 'offered' && (!institutionId || c.institution_id === institutionId));
}

/**
 * The guardian accepts an offer: the child is placed in the offered class unless the class is
 * full by then. The class row is locked first, so concurrent acceptances into one class are
 * decided one after another against the final count — capacity and ratio never break.
 */
export async function acceptOffer(
  deps: Deps,
  scope: Scope,
  applicationId: string,
  institutionId: string | undefined,
  context: AuditContext,
) {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const { application, choices } = await lockGuardianApplication(trx, scope, applicationId);
    const choice = pickOffered(choices, institutionId);
    if (!choice)
      throw actionNotAllowed(
        (choices.find((c) => !institutionId || c.institution_id === institutionId)?.status ?? 'withdrawn') as ChoiceStatus,
        'parent',
      );
    if (choice.offer_expires_at && choice.offer_expires_at <= now) return { kind: 'expired', choiceId: choice.id } as const;
    const load = await q.lockClassLoad(trx, choice.class_id as string);
    if (!load) throw new AppError('CLASS_FULL');
    if (
      placesLeft({ classType: load.classType as never, capacity: load.capacity, caregivers: load.caregivers, enrolled: load.enrolled }) ===
      0
    )
      throw new AppError('CLASS_FULL');
    if (await q.findActiveEnrolmentOfChild(trx, application.child_id)) throw new AppError('CHILD_ALREADY_ENROLLED');
    const enrolment = await trx
      .insertInto('enrolments')
      .values({
        child_id: application.child_id,
        institution_id: choice.institution_id,
        class_id: load.id,
        choice_id: choice.id,
        start_date: application.start_date,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('application_choices').set({ status: 'accepted', decided_at: now }).where('id', '=', choice.id).execute();
    await trx
      .updateTable('application_choices')
      .set({ status: 'withdrawn', decided_at: now })
      .where('application_id', '=', applicationId)
      .where('id', '!=', choice.id)
      .where('status', 'in', ['new', 'waitlisted', 'offered'])
      .execute();
    await appendAudit(
      trx,
      context,
      [
        {
          action: 'application.accept',
          entityType: 'application',
          entityId: applicationId,
          detail: { institutionId: choice.institution_id },
        },
        {
          action: 'enrolment.create',
          entityType: 'enrolment',
          entityId: enrolment.id,
          detail: { childId: application.child_id, classId: load.id },
        },
      ],
      now,
    );
    return { kind: 'placed', enrolmentId: enrolment.id } as const;
  });
  if (result.kind === 'expired') {
    await expireChoice(deps, result.choiceId, now);
    throw new AppError('OFFER_EXPIRED');
  }
  return getEnrolmentView(deps, result.enrolmentId);
}

/** Declining an offer or withdrawing the whole application, by the guardian. */
export async function actByGuardian(
  deps: Deps,
  scope: Scope,
  applicationId: string,
  action: 'decline_offer' | 'withdraw',
  institutionId: string | undefined,
  context: AuditContext,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const { choices } = await lockGuardianApplication(trx, scope, applicationId);
    const targets =
      action === 'withdraw'
        ? choices.filter((c) => nextStatus(effectiveStatus(c.status as ChoiceStatus, c.offer_expires_at, now), 'withdraw'))
        : [pickOffered(choices, institutionId)].filter((c): c is NonNullable<typeof c> => c !== undefined);
    if (targets.length === 0) throw actionNotAllowed((choices[0]?.status ?? 'withdrawn') as ChoiceStatus, 'parent');
    const to = action === 'withdraw' ? 'withdrawn' : 'declined';
    await trx
      .updateTable('application_choices')
      .set({ status: to, decided_at: now })
      .where(
        'id',
        'in',
        targets.map((t) => t.id),
      )
      .execute();
    await appendAudit(trx, context, { action: `application.${action}`, entityType: 'application', entityId: applicationId }, now);
  });
}

async function expireChoice(deps: Deps, choiceId: string, now: Date) {
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('application_choices')
      .set({ status: 'expired', decided_at: now })
      .where('id', '=', choiceId)
      .where('status', '=', 'offered')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) {
      await appendAudit(
        trx,
        { actorId: null, actorRole: 'system', ip: null, requestId: null },
        { action: 'application.expire', entityType: 'application_choice', entityId: choiceId },
        now,
      );
    }
  });
}

/** Writes `expired` on every offer past its expiry; run on a schedule. */
export async function expireOffers(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('application_choices')
    .select('id')
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .execute();
  for (const d of due) await expireChoice(deps, d.id, now);
  return due.length;
}

export async function getEnrolmentView(deps: Deps, id: string) {
  const e = await q.findEnrolment(deps.db, id);
  if (!e) throw new AppError('NOT_FOUND');
  return {
    id: e.id,
    childId: e.child_id,
    institutionId: e.institution_id,
    classId: e.class_id,
    className: e.class_name ?? '',
    classType: e.class_type ?? '',
    startDate: e.start_date,
    endDate: e.end_date,
  };
}
