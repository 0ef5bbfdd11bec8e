import { sql, type Transaction } from 'kysely';
import { addDaysIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { DB } from '../../../db/schema.ts';
import { findCurrentTrainingStaff, type TrainingStaffMember } from '../../institutions/index.ts';
import * as q from './queries.ts';
import { issueCertificate } from './service.ts';

const VENUE = '连云港市妇幼保健院门诊楼三楼 婴幼儿照护服务指导中心培训室';
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/**
 * The guidance center's trainings on the demo's calendar: the director training (two sessions
 * of 3 hours, three weeks and two weeks ago) that most directors completed with a certificate,
 * two attended one session only and one none; and the caregivers' training (four sessions of
 * 3 hours), half held and half to come. Everyone else is short of the yearly hours, as a city's
 * first year of records would be.
 */
export async function seedTrainingDemo(trx: Transaction<DB>, options: { staffUserId: string; guidanceCenterId: string; now: Date }) {
  const { now, staffUserId } = options;
  const today = todayInShanghai(now);
  const staff = await findCurrentTrainingStaff(trx, { division: () => sql<boolean>`true` }, today);
  const first = (list: TrainingStaffMember[], n: number) =>
    [
      ...list.filter((s) => s.institutionId === options.guidanceCenterId),
      ...list.filter((s) => s.institutionId !== options.guidanceCenterId),
    ].slice(0, n);
  const directors = first(
    staff.filter((s) => s.role === 'director'),
    8,
  );
  const caregivers = first(
    staff.filter((s) => s.role === 'caregiver'),
    6,
  );

  const director = await q.insertTraining(trx, {
    title: '托育机构负责人培训（第一期）',
    audience: 'director',
    description:
      '依据《托育机构设置标准（试行）》《托育机构管理规范（试行）》，讲解机构管理、安全防护、卫生保健与家园共育，现场发放《托育机构负责人培训教材》。',
    required_hours: '6',
    delivery: 'venue',
    venue: VENUE,
    status: 'open',
    created_by: staffUserId,
    created_at: at(addDaysIso(today, -35), '09:00'),
  });
  const directorSessions = [];
  for (const days of [-21, -14]) {
    const date = addDaysIso(today, days);
    directorSessions.push(
      (
        await q.insertSession(trx, {
          training_id: director.id,
          starts_at: at(date, '09:00'),
          ends_at: at(date, '12:00'),
          hours: '3',
          created_at: at(addDaysIso(today, -35), '09:30'),
        })
      ).id,
    );
  }
  const completedAt = at(addDaysIso(today, -14), '15:00');
  for (const [i, person] of directors.entries()) {
    const enrolment = await q.insertEnrolment(trx, {
      training_id: director.id,
      staff_id: person.id,
      institution_id: person.institutionId,
      enrolled_by: staffUserId,
      enrolled_at: at(addDaysIso(today, -28), '10:00'),
    });
    if (!enrolment) continue;
    // Five attended both sessions, two the first only, the last one neither.
    const attended = i < 5 ? [true, true] : i < 7 ? [true, false] : [false, false];
    for (const [k, sessionId] of directorSessions.entries())
      await q.recordAttendance(trx, sessionId, [{ enrolmentId: enrolment.id, attended: attended[k] as boolean }], staffUserId, completedAt);
    if (i < 5)
      await issueCertificate(
        trx,
        {
          enrolment: { id: enrolment.id, staff_id: person.id, institution_id: person.institutionId },
          training: { id: director.id, title: '托育机构负责人培训（第一期）' },
          hours: 6,
          issuedBy: staffUserId,
        },
        completedAt,
      );
  }

  const care = await q.insertTraining(trx, {
    title: '保育人员岗位能力培训',
    audience: 'staff',
    description: '婴幼儿回应性照护、喂养与睡眠、伤害预防与急救、常见病识别，理论与实操结合。',
    required_hours: '12',
    delivery: 'venue',
    venue: VENUE,
    status: 'open',
    created_by: staffUserId,
    created_at: at(addDaysIso(today, -20), '09:00'),
  });
  const careSessions = [];
  for (const days of [-7, -3, 4, 11]) {
    const date = addDaysIso(today, days);
    careSessions.push(
      (
        await q.insertSession(trx, {
          training_id: care.id,
          starts_at: at(date, '14:00'),
          ends_at: at(date, '17:00'),
          hours: '3',
          created_at: at(addDaysIso(today, -20), '09:30'),
        })
      ).id,
    );
  }
  for (const person of caregivers) {
    const enrolment = await q.insertEnrolment(trx, {
      training_id: care.id,
      staff_id: person.id,
      institution_id: person.institutionId,
      enrolled_by: staffUserId,
      enrolled_at: at(addDaysIso(today, -14), '10:00'),
    });
    if (!enrolment) continue;
    for (const sessionId of careSessions.slice(0, 2))
      await q.recordAttendance(
        trx,
        sessionId,
        [{ enrolmentId: enrolment.id, attended: true }],
        staffUserId,
        at(addDaysIso(today, -3), '17:30'),
      );
  }
}
