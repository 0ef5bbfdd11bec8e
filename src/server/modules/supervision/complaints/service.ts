import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import {
  acceptDue,
  type ComplaintAction,
  type ComplaintParty,
  type ComplaintStatus,
  ComplaintWorkflow,
  resolveDue,
} from '../../../../domain/complaints/complaintWorkflow.ts';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Actor, Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { findUserByPhone } from '../../../platform/auth/queries.ts';
import { assertAddressMayTryCodes, spendCode } from '../../../platform/auth/verificationCodes.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/calendar.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { enqueueMessages } from '../../../platform/messaging/outbox.ts';
import type { NotificationKind } from '../../../platform/notifications/catalog.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { type NotificationParams, smsText } from '../../../platform/notifications/render.ts';
import { actionNotAllowed } from '../../../platform/workflow/refusal.ts';
import { mayActForDistrict } from '../inspections/access.ts';
import { findInspectionsOfComplaints } from '../inspections/queries.ts';
import { checkPhotos, withStoredPhotos } from '../photos.ts';
import { allowedActionsFor, complaintView, isComplainant, type Viewer } from './presenters.ts';
import * as q from './queries.ts';
import type { ComplaintListQuery, RatingBody, SubmitComplaintBody, TransitionBody } from './schemas.ts';

/** Institutions that answer to a health bureau: filed, and still so while suspended. */
const SUPERVISED = new Set(['filed', 'suspended']);
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newReference(today: string): string {
  const tail = Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `TS${today.replaceAll('-', '')}${tail}`;
}

/** Who the complainant is: the signed-in caller, or the holder of a number proved by SMS code. */
type Complainant = { kind: 'account'; actor: Actor } | { kind: 'public'; phone: string; code: string };

export function complainantOf(actor: Actor | null, body: z.infer<typeof SubmitComplaintBody>): Complainant {
  if (actor) return { kind: 'account', actor };
  if (!body.phone) throw fieldError('phone', 'complaint.phoneAndCode');
  if (!body.code) throw fieldError('code', 'complaint.phoneAndCode');
  return { kind: 'public', phone: body.phone, code: body.code };
}

/**
 * A complaint is filed against a supervised institution and routed to its district, whose
 * officials are told; it must be accepted within one working day. A wrong code is counted
 * (and committed) before the refusal; an institution that cannot be complained about is
 * refused before the code is spent.
 */
export async function submitComplaint(
  deps: Deps,
  storage: FileStorage,
  complainant: Complainant,
  context: AuditContext,
  body: z.infer<typeof SubmitComplaintBody>,
) {
  const photos = checkPhotos(
    (body.photos ?? []).map((encoded, i) => ({ encoded, path: `photos.${i}` })),
    'complaints',
    'complaint.photo',
  );
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const ip = context.ip ?? 'unknown';
  if (complainant.kind === 'public') await assertAddressMayTryCodes(deps.db, ip, now);
  const outcome = await withStoredPhotos(storage, photos, () =>
    deps.db.transaction().execute(async (trx) => {
      const institution = await q.findInstitutionForComplaint(trx, body.institutionId);
      if (!institution || !SUPERVISED.has(institution.status)) throw new AppError('COMPLAINT_INSTITUTION_UNAVAILABLE');
      if (complainant.kind === 'public' && !(await spendCode(trx, complainant.phone, ['complaint'], complainant.code, ip, now)))
        return 'wrong_code' as const;
      const calendar = await loadWorkingCalendar(trx);
      const districtCode = institution.division_code.slice(0, 6);
      const created = await q.insertComplaint(trx, {
        reference: newReference(today),
        institution_id: institution.id,
        district_code: districtCode,
        category: body.category,
        text: body.text,
        complainant_user_id: complainant.kind === 'account' ? complainant.actor.userId : null,
        complainant_phone: complainant.kind === 'account' ? complainant.actor.phone : complainant.phone,
        submitted_at: now,
        accept_due: acceptDue(today, calendar),
      });
      await q.insertPhotos(trx, created.id, photos, now);
      await appendAudit(
        trx,
        context,
        {
          action: 'complaint.submit',
          entityType: 'complaint',
          entityId: created.id,
          detail: { reference: created.reference, institutionId: institution.id, category: body.category, photos: photos.length },
        },
        now,
      );
      await notify(
        trx,
        await q.findDistrictOfficials(trx, districtCode),
        {
          kind: 'supervision.complaint_received',
          params: { institution: institution.name, reference: created.reference, dueOn: acceptDue(today, calendar) },
          link: '/official/complaints',
        },
        now,
      );
      return created;
    }),
  );
  if (outcome === 'wrong_code') {
    await Promise.all(photos.map((p) => storage.remove(p.key).catch(() => {})));
    throw fieldError('code', 'complaint.code');
  }
  return outcome;
}

function partyOf(scope: Scope): ComplaintParty | null {
  if (scope.cityWide) return 'city';
  return scope.divisionCodes.length > 0 ? 'district' : null;
}

async function present(db: Db, rows: q.ComplaintListRow[], viewer: Viewer & { scope: Scope }, today: string) {
  const ids = rows.map((r) => r.id);
  const [history, photos, inspections] = await Promise.all([
    q.findHistory(db, ids),
    q.findPhotoIds(db, ids),
    findInspectionsOfComplaints(db, ids),
  ]);
  return rows.map((row) =>
    complaintView(
      row,
      {
        history: history.filter((h) => h.complaint_id === row.id),
        photoIds: photos.filter((p) => p.complaint_id === row.id).map((p) => p.id),
        inspection: inspections.find((i) => i.complaint_id === row.id),
        mayActForDistrict: viewer.party !== null && mayActForDistrict(viewer.scope, row.district_code),
      },
      viewer,
      today,
    ),
  );
}

/** An official's queue (their district's, or every district's for the city), or the caller's own complaints. */
export async function listComplaints(deps: Deps, scope: Scope, query: z.infer<typeof ComplaintListQuery>) {
  const today = todayInShanghai(deps.clock.now());
  const party = query.mine === 'true' ? null : partyOf(scope);
  const { userId, phone } = scope.actor;
  const rows = await q.findComplaints(deps.db, party ? { queue: scope } : { own: { userId, phone } }, query.status);
  let items = await present(deps.db, rows, { party, userId, phone, scope }, today);
  if (query.overdue) items = items.filter((c) => c.overdue === (query.overdue === 'true'));
  return { items };
}

const KIND: Partial<Record<ComplaintAction, NotificationKind>> = {
  accept: 'supervision.complaint_accepted',
  extend: 'supervision.complaint_extended',
  escalate: 'supervision.complaint_escalated',
  resolve: 'supervision.complaint_resolved',
  reject: 'supervision.complaint_rejected',
};

/**
 * Tells the complainant: through their account if the number has one (in-app, and SMS or
 * e-mail per their preferences), else by SMS to the number they proved.
 */
export async function tellComplainant(trx: Db, row: q.ComplaintRow, kind: NotificationKind, params: NotificationParams, now: Date) {
  const userId = row.complainant_user_id ?? (await findUserByPhone(trx, row.complainant_phone))?.id;
  if (userId) {
    await notify(trx, [userId], { kind, params, link: '/family/complaints' }, now);
    return;
  }
  await enqueueMessages(
    trx,
    [{ channel: 'sms', to: row.complainant_phone, template: `notification.${kind}`, body: smsText(kind, params, 'zh-CN') }],
    now,
  );
}

/**
 * One step of the complaint's handling, by the transition table: the row is locked, the step
 * checked against the status and the caller's party, the deadlines counted in working days,
 * and the step, its audit entry and the complainant's notification commit together.
 */
export async function transitionComplaint(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  id: string,
  body: z.infer<typeof TransitionBody>,
) {
  const party = partyOf(scope);
  if (!party) throw new AppError('FORBIDDEN');
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  await deps.db.transaction().execute(async (trx) => {
    const row = await q.lockComplaint(trx, id);
    if (!row || !divisionInScope(scope, row.district_code)) throw new AppError('NOT_FOUND');
    const status = row.status as ComplaintStatus;
    const step = ComplaintWorkflow.step(status, body.action);
    if (!step?.by.includes(party) || (step.onlyOnce && row.extended))
      throw actionNotAllowed('TRANSITION_NOT_ALLOWED', { status, action: body.action, allowed: allowedActionsFor(row, party) });
    if (step.needs === 'reason' && !body.reason) throw fieldError('reason', 'reason.required');
    if (step.needs === 'answer' && !body.answer) throw fieldError('answer', 'answer.required');
    if (step.needs === 'answer' && body.upheld === undefined) throw fieldError('upheld', 'upheld.required');

    const calendar = await loadWorkingCalendar(trx);
    const changes = ((): Parameters<typeof q.updateComplaint>[2] => {
      switch (body.action) {
        case 'accept':
          return { status: step.to, accepted_at: now, resolve_from: today, resolve_due: resolveDue(today, false, calendar) };
        case 'extend':
          return { extended: true, resolve_due: resolveDue(row.resolve_from ?? today, true, calendar) };
        case 'escalate':
          return { status: step.to, escalated: true, resolve_from: today, resolve_due: resolveDue(today, row.extended, calendar) };
        case 'resolve':
          return { status: step.to, answer: body.answer, upheld: body.upheld, closed_at: now };
        case 'reject':
          return { status: step.to, answer: body.reason, closed_at: now };
      }
    })();
    await q.updateComplaint(trx, id, changes);
    const note = (step.needs === 'answer' ? body.answer : body.reason) ?? null;
    await q.insertTransition(trx, {
      complaintId: id,
      action: body.action,
      from: status,
      to: step.to,
      note,
      by: scope.actor.userId,
      at: now,
    });
    await appendAudit(
      trx,
      context,
      {
        action: `complaint.${body.action}`,
        entityType: 'complaint',
        entityId: id,
        detail: { from: status, to: step.to, note, upheld: body.upheld },
      },
      now,
    );
    const institution = await q.findInstitutionForComplaint(trx, row.institution_id);
    const kind = KIND[body.action];
    if (kind)
      await tellComplainant(
        trx,
        row,
        kind,
        {
          institution: institution?.name ?? '',
          reference: row.reference,
          dueOn: changes.resolve_due ?? row.resolve_due ?? '',
          reason: body.reason ?? '',
        },
        now,
      );
  });
  return complaintOne(deps, scope, id, party);
}

async function complaintOne(deps: Deps, scope: Scope, id: string, party: ComplaintParty | null) {
  const row = await q.findComplaint(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [view] = await present(
    deps.db,
    [row],
    { party, userId: scope.actor.userId, phone: scope.actor.phone, scope },
    todayInShanghai(deps.clock.now()),
  );
  return view as NonNullable<typeof view>;
}

/** The complainant rates the handling once, after it is resolved. */
export async function rateComplaint(
  deps: Deps,
  actor: Actor,
  scope: Scope,
  context: AuditContext,
  id: string,
  body: z.infer<typeof RatingBody>,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await q.lockComplaint(trx, id);
    if (!row || !isComplainant(row, actor)) throw new AppError('NOT_FOUND');
    if (row.status !== 'resolved' || row.rating !== null) throw new AppError('COMPLAINT_RATING_NOT_OPEN');
    await q.updateComplaint(trx, id, { rating: body.score, rating_comment: body.comment || null, rated_at: now });
    await appendAudit(
      trx,
      context,
      { action: 'complaint.rate', entityType: 'complaint', entityId: id, detail: { score: body.score } },
      now,
    );
  });
  return complaintOne(deps, scope, id, null);
}

/** A photo of a complaint, for the officials who handle it and the complainant; nobody else. */
export async function readComplaintPhoto(deps: Deps, storage: FileStorage, scope: Scope, complaintId: string, photoId: string) {
  const row = await q.findComplaint(deps.db, complaintId);
  const official = row && divisionInScope(scope, row.district_code);
  if (!row || !(official || isComplainant(row, scope.actor))) throw new AppError('NOT_FOUND');
  const photo = await q.findPhoto(deps.db, complaintId, photoId);
  const data = photo && (await storage.get(photo.storage_key));
  if (!photo || !data) throw new AppError('NOT_FOUND');
  return { contentType: photo.content_type, data };
}

/** Upheld complaints per institution since a date, for the public page. */
export async function upheldComplaintCounts(db: Db, institutionIds: string[], since: Date): Promise<Map<string, number>> {
  return new Map((await q.countUpheld(db, institutionIds, since)).map((r) => [r.institution_id, Number(r.n)]));
}

/** Complaints per institution since a date (all but those rejected), to weight an inspection draw. */
export async function complaintCountsForRisk(db: Db, institutionIds: readonly string[], since: Date): Promise<Map<string, number>> {
  return new Map((await q.countForRisk(db, institutionIds, since)).map((r) => [r.institution_id, Number(r.n)]));
}
