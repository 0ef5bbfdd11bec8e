import type { WorkingCalendar } from '../../../../domain/calendar/workingDays.ts';
import {
  acceptDue,
  type ComplaintAction,
  type ComplaintCategory,
  type ComplaintStatus,
  resolveDue,
} from '../../../../domain/complaints/complaintWorkflow.ts';
import { toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/calendar.ts';

const PUBLIC_PHONE = '13800000066';
const DAY = 86_400_000;

type DemoComplaint = {
  institution: number;
  /** Days before the seed. */
  daysAgo: number;
  category: ComplaintCategory;
  text: string;
  byParent: boolean;
  steps: { action: ComplaintAction; daysAgo: number; note?: string; upheld?: boolean }[];
  rating?: { score: number; comment: string };
};

/** Complaints in 海州区 in every state: one waiting past its one working day, one rated. */
const COMPLAINTS: DemoComplaint[] = [
  {
    institution: 0,
    daysAgo: 8,
    category: 'safety',
    text: '接孩子时发现大门无人值守，陌生人可以直接进入园内。',
    byParent: true,
    steps: [],
  },
  {
    institution: 1,
    daysAgo: 0,
    category: 'fees',
    text: '园方要求一次性预交半年保育费，且不开具收据。<a href="http://example.com">详情</a>',
    byParent: false,
    steps: [],
  },
  {
    institution: 0,
    daysAgo: 3,
    category: 'health',
    text: '孩子连续两周午餐只有米饭和青菜，没有肉蛋类。',
    byParent: true,
    steps: [{ action: 'accept', daysAgo: 2 }],
  },
  {
    institution: 2,
    daysAgo: 12,
    category: 'staffing',
    text: '班里两个月换了三位保育员，孩子很不适应。',
    byParent: false,
    steps: [
      { action: 'accept', daysAgo: 11 },
      { action: 'extend', daysAgo: 5, note: '需调取该园近三个月的人员备案和社保记录核实。' },
    ],
  },
  {
    institution: 1,
    daysAgo: 20,
    category: 'safety',
    text: '活动室的电源插座没有防护盖，孩子够得着。',
    byParent: true,
    steps: [
      { action: 'accept', daysAgo: 19 },
      { action: 'resolve', daysAgo: 16, upheld: true, note: '经现场检查情况属实，已责令该园当日加装插座防护盖，并对全园进行安全排查。' },
    ],
    rating: { score: 5, comment: '处理很及时，谢谢！' },
  },
  {
    institution: 2,
    daysAgo: 15,
    category: 'other',
    text: '园门口停车太乱。',
    byParent: false,
    steps: [{ action: 'reject', daysAgo: 14, note: '园外道路停车不属于托育机构监管范围，已转交属地交警部门。' }],
  },
  {
    institution: 0,
    daysAgo: 6,
    category: 'health',
    text: '多名幼儿同时出现腹泻，园方未及时通知家长。',
    byParent: true,
    steps: [
      { action: 'accept', daysAgo: 6 },
      { action: 'escalate', daysAgo: 5, note: '涉及疑似群体性食源性疾病，需市疾控中心参与调查。' },
    ],
  },
];

function statusAfter(steps: DemoComplaint['steps']): ComplaintStatus {
  const last = steps.at(-1)?.action;
  if (!last) return 'submitted';
  return ({ accept: 'accepted', extend: 'accepted', escalate: 'escalated', resolve: 'resolved', reject: 'rejected' } as const)[last];
}

async function insertDemoComplaint(
  trx: Db,
  c: DemoComplaint,
  ids: { institutionId: string; parentId: string; officialId: string },
  n: number,
  now: Date,
  calendar: WorkingCalendar,
) {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const submitted = at(c.daysAgo);
  const submittedOn = toShanghaiDate(submitted);
  let resolveFrom: string | null = null;
  let extended = false;
  let escalated = false;
  let closedAt: Date | null = null;
  let answer: string | null = null;
  let upheld: boolean | null = null;
  for (const step of c.steps) {
    const on = toShanghaiDate(at(step.daysAgo));
    if (step.action === 'accept' || step.action === 'escalate') resolveFrom = on;
    if (step.action === 'extend') extended = true;
    if (step.action === 'escalate') escalated = true;
    if (step.action === 'resolve' || step.action === 'reject') {
      closedAt = at(step.daysAgo);
      answer = step.note ?? null;
      upheld = step.action === 'resolve' ? (step.upheld ?? false) : null;
    }
  }
  const row = await trx
    .insertInto('complaints')
    .values({
      reference: `TS${submittedOn.replaceAll('-', '')}DM${String(n).padStart(2, '0')}`,
      institution_id: ids.institutionId,
      district_code: '320706',
      category: c.category,
      text: c.text,
      complainant_user_id: c.byParent ? ids.parentId : null,
      complainant_phone: c.byParent ? '13900000005' : PUBLIC_PHONE,
      status: statusAfter(c.steps),
      submitted_at: submitted,
      accept_due: acceptDue(submittedOn, calendar),
      accepted_at: c.steps[0]?.action === 'accept' ? at(c.steps[0].daysAgo) : null,
      resolve_from: resolveFrom,
      resolve_due: resolveFrom ? resolveDue(resolveFrom, extended, calendar) : null,
      extended,
      escalated,
      answer,
      upheld,
      closed_at: closedAt,
      rating: c.rating?.score ?? null,
      rating_comment: c.rating?.comment ?? null,
      rated_at: c.rating && closedAt ? new Date(closedAt.getTime() + DAY) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let from: ComplaintStatus = 'submitted';
  for (const [i, step] of c.steps.entries()) {
    const to = statusAfter(c.steps.slice(0, i + 1));
    await trx
      .insertInto('complaint_transitions')
      .values({
        complaint_id: row.id,
        action: step.action,
        from_status: from,
        to_status: to,
        note: step.note ?? null,
        acted_by: ids.officialId,
        acted_at: at(step.daysAgo),
      })
      .execute();
    from = to;
  }
}

/** Seeds the demo complaints about filed institutions of 海州区, made by the demo parent and a member of the public. */
export async function seedComplaintDemo(trx: Db, input: { now: Date; parentId: string; officialId: string }) {
  const institutions = await trx
    .selectFrom('institutions')
    .select('id')
    .where('division_code', 'like', '320706%')
    .where('status', '=', 'filed')
    .orderBy('name')
    .orderBy('id')
    .limit(3)
    .execute();
  if (institutions.length === 0) return;
  const calendar = await loadWorkingCalendar(trx);
  for (const [n, c] of COMPLAINTS.entries()) {
    const institutionId = (institutions[c.institution % institutions.length] as { id: string }).id;
    await insertDemoComplaint(
      trx,
      c,
      { institutionId, parentId: input.parentId, officialId: input.officialId },
      n + 1,
      input.now,
      calendar,
    );
  }
}
