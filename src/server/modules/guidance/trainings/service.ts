import { randomBytes } from 'node:crypto';
import { type SqlBool, sql, type Transaction } from 'kysely';
import { todayInShanghai, toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import {
  audienceIncludes,
  certificateNumber,
  completionAllowed,
  type EnrolmentStatus,
  hoursAttended,
  isTrainedRole,
  maskName,
  needsQualification,
  qualificationState,
  roundHours,
  shortfall,
  type TrainingAudience,
  trainingVerifyPath,
} from '../../../../domain/guidance/index.ts';
import { formatVoucherCode, normalizeVoucherCode, voucherCodeFrom } from '../../../../domain/subsidies/voucherCode.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionCodeInScope, divisionInScope } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { findCurrentTrainingStaff, findTrainingStaffMember, type TrainingStaffMember } from '../../institutions/index.ts';
import { tellDirectorsOfCertificate } from './notifications.ts';
import * as q from './queries.ts';
import type { CertificateView, NewTraining, NewTrainingSession, TrainingView } from './schemas.ts';
import { findYearlyHours, institutionsDirectedBy, isTrainingStaff, requireTrainingStaff } from './settings.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function presentTraining(t: q.TrainingRow): TrainingView {
  return {
    id: t.id,
    title: t.title,
    audience: t.audience as TrainingAudience,
    description: t.description,
    requiredHours: Number(t.required_hours),
    delivery: t.delivery as TrainingView['delivery'],
    venue: t.venue,
    onlineUrl: t.online_url,
    textbookUrl: t.textbook_url,
    textbook:
      t.textbook_filename === null
        ? null
        : { filename: t.textbook_filename, sizeBytes: Number(t.textbook_size_bytes), uploadedAt: iso(t.textbook_uploaded_at) as string },
    status: t.status as TrainingView['status'],
    sessionCount: Number(t.session_count ?? 0),
    nextSessionAt: iso(t.next_session_at as Date | string | null),
  };
}

export function presentCertificate(c: q.CertificateRow, origin: string): CertificateView {
  return {
    id: c.id,
    number: c.number,
    code: c.code,
    codeDisplay: formatVoucherCode(c.code),
    staffId: c.staff_id,
    staffName: c.staff_name,
    institutionName: c.institution_name,
    trainingTitle: c.training_title,
    hours: Number(c.hours),
    issuedAt: new Date(c.issued_at).toISOString(),
    revokedAt: iso(c.revoked_at),
    revokeReason: c.revoke_reason,
    verifyUrl: `${origin}${trainingVerifyPath(c.code)}`,
  };
}

/** Center staff and officials see every training; a director those open and those their staff are in. */
export async function listTrainings(deps: Deps, scope: Scope) {
  const canManage = await isTrainingStaff(deps.db, scope);
  const all = canManage || scope.divisionCodes.length > 0;
  const rows = await q.findTrainings(deps.db, deps.clock.now(), all ? {} : { openOr: institutionsDirectedBy(scope) });
  return { items: rows.map(presentTraining), canManage };
}

export async function requireTraining(deps: Deps, id: string) {
  const [row] = await q.findTrainings(deps.db, deps.clock.now(), { id });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A training the caller may see: the center and officials any, a director one still open or with their staff in it. */
export async function requireVisibleTraining(deps: Deps, scope: Scope, id: string) {
  const training = await requireTraining(deps, id);
  const canManage = await isTrainingStaff(deps.db, scope);
  const seesAll = canManage || scope.divisionCodes.length > 0;
  const mine = institutionsDirectedBy(scope);
  if (!seesAll && training.status !== 'open' && (await q.findEnrolments(deps.db, id, mine)).length === 0) throw new AppError('NOT_FOUND');
  return { training, canManage, seesAll, mine };
}

export async function getTraining(deps: Deps, scope: Scope, id: string, origin: string) {
  const { training, canManage, seesAll, mine } = await requireVisibleTraining(deps, scope, id);
  const [sessions, enrolments, attendance] = await Promise.all([
    q.findSessions(deps.db, id),
    q.findEnrolments(deps.db, id, seesAll ? undefined : mine),
    q.findAttendance(deps.db, id),
  ]);
  const today = todayInShanghai(deps.clock.now());
  const staff = new Map<string, TrainingStaffMember>();
  for (const e of enrolments) {
    if (staff.has(e.staff_id)) continue;
    const member = await findTrainingStaffMember(deps.db, e.staff_id, today);
    if (member) staff.set(e.staff_id, member);
  }
  const certificates = new Map(
    (await q.findCertificates(deps.db, { enrolmentIds: enrolments.map((e) => e.id) })).map((c) => [c.enrolment_id, c]),
  );
  const required = Number(training.required_hours);
  return {
    ...presentTraining(training),
    canManage,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      hours: Number(s.hours),
      recorded: Boolean(s.recorded),
    })),
    enrolments: enrolments.map((e) => {
      const marks = attendance.filter((a) => a.enrolmentId === e.id);
      const hours = hoursAttended(marks);
      const member = staff.get(e.staff_id);
      const certificate = certificates.get(e.id);
      return {
        id: e.id,
        staffId: e.staff_id,
        staffName: member?.name ?? '',
        staffRole: member?.role ?? 'other',
        institutionId: e.institution_id,
        institutionName: member?.institutionName ?? '',
        status: e.status as EnrolmentStatus,
        hoursAttended: hours,
        attendedSessionIds: marks.filter((m) => m.attended).map((m) => m.sessionId),
        canComplete: canManage && completionAllowed(e.status as EnrolmentStatus, hours, required).allowed,
        certificate: certificate ? presentCertificate(certificate, origin) : null,
      };
    }),
  };
}

/** The columns the center writes, on creation and on each edit; a venue or a link, never both. */
export function trainingColumns(body: NewTraining) {
  return {
    title: body.title,
    description: body.description,
    required_hours: String(roundHours(body.requiredHours)),
    delivery: body.delivery,
    venue: body.delivery === 'venue' ? body.venue : null,
    online_url: body.delivery === 'online' ? body.onlineUrl : null,
    textbook_url: body.textbookUrl,
  };
}

export async function createTraining(deps: Deps, scope: Scope, body: NewTraining, context: AuditContext) {
  await requireTrainingStaff(deps.db, scope);
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await q.insertTraining(trx, {
      ...trainingColumns(body),
      audience: body.audience,
      created_by: scope.actor.userId,
      created_at: now,
    });
    await appendAudit(
      trx,
      context,
      { action: 'training.create', entityType: 'training', entityId: row.id, detail: { title: body.title, audience: body.audience } },
      now,
    );
    return row.id;
  });
  return presentTraining(await requireTraining(deps, id));
}

/** A session with its hours; a past session may be added, to record a training already held. */
export async function addSession(deps: Deps, scope: Scope, trainingId: string, body: NewTrainingSession, context: AuditContext) {
  await requireTrainingStaff(deps.db, scope);
  await requireTraining(deps, trainingId);
  const now = deps.clock.now();
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (roundHours(body.hours) > roundHours((endsAt.getTime() - startsAt.getTime()) / 3_600_000))
    throw fieldError('body.hours', 'training.hoursLongerThanSession');
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await q.insertSession(trx, {
      training_id: trainingId,
      starts_at: startsAt,
      ends_at: endsAt,
      hours: String(roundHours(body.hours)),
      created_at: now,
    });
    await appendAudit(
      trx,
      context,
      { action: 'training_session.create', entityType: 'training_session', entityId: row.id, detail: { trainingId, ...body } },
      now,
    );
    return row.id;
  });
  return { id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), hours: roundHours(body.hours) };
}

/** The director enrols a member of their own staff; another institution's staff are not found. */
export async function enrol(deps: Deps, scope: Scope, trainingId: string, staffId: string, context: AuditContext) {
  await requireTraining(deps, trainingId);
  const today = todayInShanghai(deps.clock.now());
  const member = await findTrainingStaffMember(deps.db, staffId, today);
  if (!member || !institutionsDirectedBy(scope).includes(member.institutionId)) throw new AppError('TRAINING_STAFF_NOT_YOURS');
  if (!member.current) throw new AppError('TRAINING_STAFF_LEFT');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    // Locked as closing locks it: an enrolment lands before the close (whose directors are told) or is refused.
    const training = await q.lockTraining(trx, trainingId);
    if (!training) throw new AppError('NOT_FOUND');
    if (training.status !== 'open') throw new AppError('TRAINING_CLOSED');
    if (!audienceIncludes(training.audience as TrainingAudience, member.role))
      throw new AppError('TRAINING_AUDIENCE_MISMATCH', { staff: member.name });
    const row = await q.insertEnrolment(trx, {
      training_id: trainingId,
      staff_id: staffId,
      institution_id: member.institutionId,
      enrolled_by: scope.actor.userId,
      enrolled_at: now,
    });
    if (!row) throw new AppError('TRAINING_ALREADY_ENROLLED', { staff: member.name });
    await appendAudit(
      trx,
      context,
      { action: 'training.enrol', entityType: 'training_enrolment', entityId: row.id, detail: { trainingId, staffId } },
      now,
    );
    return row.id;
  });
  return { id, staffId, status: 'enrolled' as const };
}

/** Center staff record who was present at a session that has started: the listed enrolments attended, the other enrolled did not. */
export async function recordAttendance(
  deps: Deps,
  scope: Scope,
  params: { id: string; sessionId: string },
  enrolmentIds: string[],
  context: AuditContext,
) {
  await requireTrainingStaff(deps.db, scope);
  const session = await q.findSession(deps.db, params.id, params.sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  if (session.starts_at > now) throw new AppError('TRAINING_SESSION_NOT_STARTED');
  const enrolments = await q.findEnrolments(deps.db, params.id);
  const present = new Set(enrolmentIds);
  const known = new Set(enrolments.map((e) => e.id));
  const unknown = enrolmentIds.findIndex((e) => !known.has(e));
  if (unknown >= 0) throw fieldError(`body.enrolmentIds.${unknown}`, 'training.enrolmentUnknown');
  // A completed enrolment's record is what its certificate was issued on: it stays as it is.
  const open = enrolments.filter((e) => e.status === 'enrolled');
  const marks = open.map((e) => ({ enrolmentId: e.id, attended: present.has(e.id) }));
  await deps.db.transaction().execute(async (trx) => {
    await q.recordAttendance(trx, session.id, marks, scope.actor.userId, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'training_session.attendance',
        entityType: 'training_session',
        entityId: session.id,
        detail: { present: marks.filter((m) => m.attended).length, absent: marks.filter((m) => !m.attended).length },
      },
      now,
    );
  });
  return { sessionId: session.id, present: marks.filter((m) => m.attended).map((m) => m.enrolmentId) };
}

/**
 * Completes an enrolment whose attended hours reach the training's, and issues the certificate
 * in the same transaction (with its audit row and the directors' notification): a completed
 * enrolment always has its certificate, and one certificate only (a unique index and the lock).
 */
export async function completeEnrolment(
  deps: Deps,
  scope: Scope,
  params: { id: string; enrolmentId: string },
  origin: string,
  context: AuditContext,
) {
  await requireTrainingStaff(deps.db, scope);
  const now = deps.clock.now();
  const certificateId = await deps.db.transaction().execute(async (trx) => {
    // Locked first, as an edit locks it: the hours checked and the title printed are those in force.
    const training = await q.lockTraining(trx, params.id);
    if (!training) throw new AppError('NOT_FOUND');
    const required = Number(training.required_hours);
    const enrolment = await q.lockEnrolment(trx, params.id, params.enrolmentId);
    if (!enrolment) throw new AppError('NOT_FOUND');
    const hours = hoursAttended((await q.findAttendance(trx, params.id)).filter((a) => a.enrolmentId === enrolment.id));
    const verdict = completionAllowed(enrolment.status as EnrolmentStatus, hours, required);
    if (!verdict.allowed) {
      if (verdict.reason === 'short') throw new AppError('TRAINING_HOURS_SHORT', { attended: hours, required });
      throw new AppError('TRAINING_ENROLMENT_NOT_OPEN', { status: enrolment.status });
    }
    const certificate = await issueCertificate(trx, { enrolment, training, hours, issuedBy: scope.actor.userId }, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'training.complete',
        entityType: 'training_enrolment',
        entityId: enrolment.id,
        detail: { trainingId: params.id, staffId: enrolment.staff_id, certificateId: certificate.id, number: certificate.number, hours },
      },
      now,
    );
    await tellDirectorsOfCertificate(
      trx,
      { institutionId: enrolment.institution_id, staffName: certificate.staffName, training: training.title, number: certificate.number },
      now,
    );
    return certificate.id;
  });
  const [row] = await q.findCertificates(deps.db, { id: certificateId });
  return presentCertificate(row as q.CertificateRow, origin);
}

/**
 * Marks the (locked, checked) enrolment completed and inserts its certificate, in the caller's
 * transaction: the names are those of the day of issue.
 */
export async function issueCertificate(
  trx: Transaction<DB>,
  input: {
    enrolment: { id: string; staff_id: string; institution_id: string };
    training: { id: string; title: string };
    hours: number;
    issuedBy: string;
  },
  now: Date,
) {
  const member = await findTrainingStaffMember(trx, input.enrolment.staff_id, todayInShanghai(now));
  if (!member) throw new AppError('NOT_FOUND');
  await q.setEnrolmentStatus(trx, input.enrolment.id, 'completed', input.issuedBy, now);
  const number = certificateNumber(Number(todayInShanghai(now).slice(0, 4)), await q.nextCertificateSerial(trx));
  const row = await q.insertCertificate(trx, {
    number,
    code: voucherCodeFrom(randomBytes(11)),
    enrolment_id: input.enrolment.id,
    training_id: input.training.id,
    staff_id: member.id,
    institution_id: input.enrolment.institution_id,
    staff_name: member.name,
    institution_name: member.institutionName,
    training_title: input.training.title,
    hours: String(input.hours),
    issued_at: now,
    issued_by: input.issuedBy,
  });
  return { id: row.id, number, staffName: member.name };
}

/** Center staff or a city official withdraw a certificate (issued in error, say); its hours stop counting. */
export async function revokeCertificate(deps: Deps, scope: Scope, id: string, reason: string, origin: string, context: AuditContext) {
  await requireTrainingStaff(deps.db, scope);
  const [certificate] = await q.findCertificates(deps.db, { id });
  if (!certificate) throw new AppError('NOT_FOUND');
  if (certificate.revoked_at) throw new AppError('TRAINING_CERTIFICATE_REVOKED');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if ((await q.revokeCertificate(trx, id, reason, scope.actor.userId, now)).numUpdatedRows === 0n)
      throw new AppError('TRAINING_CERTIFICATE_REVOKED');
    await appendAudit(
      trx,
      context,
      {
        action: 'training_certificate.revoke',
        entityType: 'training_certificate',
        entityId: id,
        detail: { number: certificate.number, reason },
      },
      now,
    );
  });
  const [row] = await q.findCertificates(deps.db, { id });
  return presentCertificate(row as q.CertificateRow, origin);
}

/** The public check: whether the certificate holds, and the holder's name masked. */
export async function verifyCertificate(deps: Deps, input: string) {
  const code = normalizeVoucherCode(input);
  const [c] = code ? await q.findCertificates(deps.db, { code }) : [];
  if (!c) throw new AppError('NOT_FOUND');
  return {
    number: c.number,
    status: c.revoked_at ? ('revoked' as const) : ('valid' as const),
    holderName: maskName(c.staff_name),
    institutionName: c.institution_name,
    trainingTitle: c.training_title,
    hours: Number(c.hours),
    issuedOn: toShanghaiDate(new Date(c.issued_at)),
    checkedAt: deps.clock.now().toISOString(),
  };
}

/** The calendar year in Asia/Shanghai as instants [from, to). */
function yearRange(year: number) {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

const thisYear = (now: Date) => Number(todayInShanghai(now).slice(0, 4));

/** A director's staff with the hours completed in the year, their qualification and certificates. */
export async function trainingHours(deps: Deps, scope: Scope, year: number | undefined, origin: string) {
  const now = deps.clock.now();
  const y = year ?? thisYear(now);
  const today = todayInShanghai(now);
  const staff = await findCurrentTrainingStaff(deps.db, { institutionIds: institutionsDirectedBy(scope) }, today);
  const { from, to } = yearRange(y);
  const ids = staff.map((s) => s.id);
  const [hours, certificates, yearlyHours] = await Promise.all([
    q.findHoursByStaff(deps.db, ids, from, to),
    q.findCertificates(deps.db, { staffIds: ids, issuedFrom: from, issuedTo: to }),
    findYearlyHours(deps.db),
  ]);
  return {
    year: y,
    yearlyHours,
    items: staff.map((s) => {
      const h = hours.get(s.id) ?? 0;
      // The qualification shown: one that holds today, else the latest to have expired.
      const shown = [...s.qualifications].sort((a, b) => (b.expiresOn ?? '9999').localeCompare(a.expiresOn ?? '9999'))[0];
      return {
        staffId: s.id,
        name: s.name,
        role: s.role,
        institutionId: s.institutionId,
        institutionName: s.institutionName,
        hours: h,
        short: isTrainedRole(s.role) && h < yearlyHours,
        qualification: qualificationState(s.qualifications, today),
        needsQualification: needsQualification(s.role),
        qualificationTitle: (shown?.title ?? null) as 'childcare_worker' | 'infant_carer' | null,
        qualificationLevel: shown?.level ?? null,
        certificates: certificates.filter((c) => c.staff_id === s.id).map((c) => presentCertificate(c, origin)),
      };
    }),
  };
}

/**
 * Institutions in the official's division (or the division asked, within it) whose staff fall
 * short of the yearly hours, or whose caregivers' childcare qualification is missing or expired.
 */
export async function trainingShortfall(deps: Deps, scope: Scope, query: { divisionCode?: string; year?: number }) {
  if (query.divisionCode && !divisionInScope(scope, query.divisionCode)) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const y = query.year ?? thisYear(now);
  const today = todayInShanghai(now);
  const prefix = query.divisionCode ? divisionPrefix(query.divisionCode) : '';
  const staff = await findCurrentTrainingStaff(
    deps.db,
    {
      division: (column) => {
        const inScope = divisionCodeInScope(scope, column);
        return prefix ? sql<SqlBool>`(${inScope} and ${sql.ref(column)} like ${`${prefix}%`})` : inScope;
      },
    },
    today,
  );
  const { from, to } = yearRange(y);
  const [hours, yearlyHours] = await Promise.all([
    q.findHoursByStaff(
      deps.db,
      staff.map((s) => s.id),
      from,
      to,
    ),
    findYearlyHours(deps.db),
  ]);
  const items = shortfall(
    staff.map((s) => ({
      staffId: s.id,
      name: s.name,
      role: s.role,
      institutionId: s.institutionId,
      institutionName: s.institutionName,
      hours: hours.get(s.id) ?? 0,
      qualification: qualificationState(s.qualifications, today),
    })),
    yearlyHours,
  );
  return { year: y, yearlyHours, institutionsChecked: new Set(staff.map((s) => s.institutionId)).size, items };
}
