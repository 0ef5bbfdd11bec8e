import type { Transaction } from 'kysely';
import { ageInMonths } from '../../../../../domain/dates/childAge.ts';
import { addDaysIso, addMonthsIso, todayInShanghai, weekdayIso } from '../../../../../domain/dates/shanghai.ts';
import { CENTER_CLASS_BANDS } from '../../../../../domain/guidance/index.ts';
import { createPrng } from '../../../../../domain/random/prng.ts';
import type { DB } from '../../../../db/schema.ts';
import { writeSetting } from '../../../../platform/settings/settings.ts';
import { findGuardedChildrenBornSince, findGuardians } from '../../../children/index.ts';
import * as q from '../queries.ts';
import { CENTER_KEY } from '../settings.ts';

const VENUE = '连云港市妇幼保健院门诊楼三楼 婴幼儿照护服务指导中心活动室';
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

type DemoCourse = {
  kind: 'center_class' | 'expert_lecture' | 'parent_class';
  title: string;
  description: string;
  audience: 'child' | 'parent';
  band?: { fromMonths: number; toMonths: number };
  delivery: 'venue' | 'live' | 'recorded';
  venue?: string;
  onlineUrl?: string;
  durationMinutes?: number;
  priceFen?: number;
};

const CLASS_WORDS = {
  crawling: '在专业人员指导下练习爬行、抓握与亲子互动，同时由儿保医生答疑喂养与睡眠（医育结合）。',
  walking: '练习独立行走、上下台阶与简单指令，家长学习如何在家中支持孩子的大运动和语言发展。',
  jumping: '跳跃、平衡与同伴游戏，学习轮流与分享，为入托做准备；儿保医生评估发育情况。',
} as const;

const COMMENTS = [
  '老师很专业，孩子很喜欢',
  '时间有点短，希望多开几期',
  '医生答疑很有帮助',
  '场地干净，孩子玩得开心',
  '内容实用，回家就能用上',
];

/**
 * The guidance center's term on the demo's calendar: weekly 爬爬班 / 走走班 / 跳跳班 sessions from
 * two weeks ago to five weeks ahead (past ones attended and rated, the next ones full with
 * waitlists), a live lecture starting soon, a recorded one, and parent classes. Bookings are for
 * the demo's own children of the right age; the demo parent's family is left free to book.
 */
export async function seedCourseDemo(
  trx: Transaction<DB>,
  options: { guidanceCenterId: string; staffUserId: string; now: Date; keepFreeUserId?: string },
) {
  const { now, staffUserId } = options;
  const prng = createPrng(20_261_207);
  await writeSetting(trx, CENTER_KEY, { institutionId: options.guidanceCenterId }, now);
  const today = todayInShanghai(now);
  const monday = addDaysIso(today, -((weekdayIso(today) + 6) % 7));

  const children = (await findGuardedChildrenBornSince(trx, addMonthsIso(today, -40))).filter((c) => c.birth_date <= today);
  const guardians = await findGuardians(
    trx,
    children.map((c) => c.id),
  );
  const guardianOf = new Map(guardians.map((g) => [g.child_id, g.user_id]));
  const families = children
    .filter((c) => guardianOf.has(c.id) && guardianOf.get(c.id) !== options.keepFreeUserId)
    .sort((a, b) => a.birth_date.localeCompare(b.birth_date) || a.name.localeCompare(b.name));

  const insertCourse = async (c: DemoCourse) =>
    (
      await q.insertCourse(trx, {
        kind: c.kind,
        title: c.title,
        description: c.description,
        audience: c.audience,
        min_age_months: c.band?.fromMonths ?? null,
        max_age_months: c.band?.toMonths ?? null,
        delivery: c.delivery,
        venue: c.venue ?? null,
        online_url: c.onlineUrl ?? null,
        duration_minutes: c.durationMinutes ?? null,
        price_fen: c.priceFen ?? 0,
        created_by: staffUserId,
        created_at: now,
      })
    ).id;
  const insertSession = async (courseId: string, startsAt: Date, endsAt: Date, seats: number) =>
    (await q.insertSession(trx, { course_id: courseId, starts_at: startsAt, ends_at: endsAt, seats, created_at: now })).id;

  /** Bookings in queue order: the first `seats` confirmed, the rest waiting; past sessions checked in and mostly rated. */
  const book = async (sessionId: string, ends: Date, seats: number, people: { bookerId: string; childId: string | null }[]) => {
    const past = ends <= now;
    for (const [i, p] of people.entries()) {
      const status = i < seats ? 'confirmed' : 'waitlisted';
      const rated = past && status === 'confirmed' && prng.next() < 0.7;
      const row = await trx
        .insertInto('course_bookings')
        .values({
          session_id: sessionId,
          booker_id: p.bookerId,
          child_id: p.childId,
          status,
          check_in_code: String(Math.floor(prng.next() * 1_000_000)).padStart(6, '0'),
          checked_in_at: past && status === 'confirmed' ? ends : null,
          checked_in_by: past && status === 'confirmed' ? staffUserId : null,
          rating: rated ? 3 + Math.floor(prng.next() * 3) : null,
          comment: rated ? (COMMENTS[Math.floor(prng.next() * COMMENTS.length)] as string) : null,
          rated_at: rated ? ends : null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('course_booking_transitions')
        .values({ booking_id: row.id, action: 'book', from_status: null, to_status: status, actor_id: p.bookerId, at: now })
        .execute();
    }
  };

  const fitting = (date: string, band: { fromMonths: number; toMonths: number }, count: number) => {
    const fit = families.filter((c) => {
      const months = ageInMonths(c.birth_date, date);
      return months >= band.fromMonths && months < band.toMonths;
    });
    return fit.slice(0, count).map((c) => ({ bookerId: guardianOf.get(c.id) as string, childId: c.id }));
  };

  let sessions = 0;
  for (const [i, [key, band]] of Object.entries(CENTER_CLASS_BANDS).entries()) {
    const courseId = await insertCourse({
      kind: 'center_class',
      title: `${band.name}（${band.fromMonths}–${band.toMonths}个月）`,
      description: CLASS_WORDS[key as keyof typeof CLASS_WORDS],
      audience: 'child',
      band,
      delivery: 'venue',
      venue: VENUE,
    });
    const seats = 6 + 2 * i;
    for (let week = -2; week <= 5; week++) {
      const date = addDaysIso(monday, week * 7 + 1 + i);
      const starts = at(date, '09:30');
      const ends = at(date, '10:30');
      const id = await insertSession(courseId, starts, ends, seats);
      sessions++;
      if (starts <= now) await book(id, ends, seats, fitting(date, band, seats - 1));
      // The next two weeks are popular: full, with people waiting.
      else if (week <= 1) await book(id, ends, seats, fitting(date, band, seats + 3));
      else await book(id, ends, seats, fitting(date, band, Math.floor(seats / 2)));
    }
  }

  const inTwoHours = new Date(Math.ceil((now.getTime() + 2 * 3_600_000) / 1_800_000) * 1_800_000);
  const lecture = await insertCourse({
    kind: 'expert_lecture',
    title: '专家讲座：婴幼儿辅食添加与科学喂养（直播）',
    description: '市妇幼保健院儿童保健科主任医师主讲，直播中可在线提问。预约成功的家长在开播时可进入直播间。',
    audience: 'parent',
    delivery: 'live',
    onlineUrl: 'https://live.bilibili.com/21000001',
  });
  await insertSession(lecture, inTwoHours, new Date(inTwoHours.getTime() + 90 * 60_000), 500);
  const recorded = await insertCourse({
    kind: 'expert_lecture',
    title: '专家讲座：婴幼儿常见病的居家护理（回放）',
    description: '发热、腹泻、湿疹的家庭护理与就医时机，讲座录像可随时观看。',
    audience: 'parent',
    delivery: 'recorded',
    onlineUrl: 'https://player.bilibili.com/player.html?bvid=BV1demo00001',
    durationMinutes: 52,
  });
  await insertSession(recorded, at(today, '00:00'), at(addDaysIso(today, 60), '00:00'), 2000);
  const parentClass = await insertCourse({
    kind: 'parent_class',
    title: '家长课堂：回应性照护与亲子阅读',
    description: '学习读懂孩子的信号、及时回应，以及如何为0–3岁孩子选择和共读绘本。',
    audience: 'parent',
    delivery: 'venue',
    venue: VENUE,
  });
  const parents = [...new Set(families.map((c) => guardianOf.get(c.id) as string))];
  for (const week of [-1, 1, 3]) {
    const date = addDaysIso(monday, week * 7 + 5);
    const starts = at(date, '14:30');
    const ends = at(date, '16:00');
    const id = await insertSession(parentClass, starts, ends, 20);
    sessions++;
    await book(
      id,
      ends,
      20,
      parents.slice(week * 5 + 5, week * 5 + 5 + (week === 1 ? 20 : 12)).map((bookerId) => ({ bookerId, childId: null })),
    );
  }
  const readiness = await insertCourse({
    kind: 'parent_class',
    title: '家长课堂：入托准备——分离焦虑怎么办（线上直播）',
    description: '托育机构园长与儿童心理医生对谈，帮助家长和孩子顺利度过入托适应期。',
    audience: 'parent',
    delivery: 'live',
    onlineUrl: 'https://meeting.tencent.com/dm/demo0001',
  });
  const nextWeek = addDaysIso(monday, 10);
  await insertSession(readiness, at(nextWeek, '19:30'), at(nextWeek, '20:30'), 300);
  return { courses: 7, sessions: sessions + 3 };
}
