import type { Insertable, Transaction } from 'kysely';
import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import { addDaysIso, addMonthsIso, daysBetween, type IsoDate, todayInShanghai, weekdayIso } from '../../../../domain/dates/shanghai.ts';
import { DEFAULT_COMPLIANCE_SETTINGS } from '../../../../domain/institutions/compliance.ts';
import { formatReceiptNumber } from '../../../../domain/institutions/receiptNumber.ts';
import { createPrng, type Prng } from '../../../../domain/random/prng.ts';
import type { FieldCipher } from '../../../db/fieldCipher.ts';
import type { DB } from '../../../db/schema.ts';
import { createAccount } from '../../../platform/auth/accounts.ts';
import { readBundledDivisions } from '../../geography/index.ts';
import { capsToColumns } from '../common/fees.ts';
import { loadStates } from '../common/state.ts';
import { publishFiledVersions } from '../filing/queries.ts';
import { snapshotOf } from '../filing/snapshot.ts';
import { updateInstitution } from '../registry/queries.ts';
import { type DemoInstitution, type DemoStaff, type DemoTownship, demoCreditCode, generateInstitutions, staffFor } from './generate.ts';
import { offset, onLand } from './places.ts';
import { applyCaps, applyProblems, DEMO_CAPS_YUAN, type Plan, pickInclusive, planStatuses } from './plan.ts';
import {
  factColumns,
  hideFiledVersions,
  type Inserted,
  insertClassesAndStaff,
  insertDesignations,
  insertFilings,
  insertInstitutions,
  insertReceiptCounters,
  setDemoStatus,
} from './queries.ts';
import { demoResidentIds } from './residentIds.ts';

/** A director whose institution is still a draft: the one to complete and submit a filing with. */
export const DEMO_DRAFT_DIRECTOR = { phone: '13900000031', name: '孙园长（新苗托育园）', institution: '海州区新苗托育园' };

const at = (date: IsoDate, hour = 10, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** The day itself if a weekday, else the Friday before: filings are submitted and decided on working days. */
function workingDayOnOrBefore(date: IsoDate): IsoDate {
  const weekday = weekdayIso(date);
  return weekday <= 5 ? date : addDaysIso(date, 5 - weekday);
}

/** `days` working days before `date` (a weekday). */
function workingDaysBefore(date: IsoDate, days: number): IsoDate {
  let day = date;
  for (let k = 0; k < days; k++) day = workingDayOnOrBefore(addDaysIso(day, -1));
  return day;
}

/**
 * The demo's roster names of the demo accounts' people: 陈园长 directs the guidance center, where
 * 赵保育 is a caregiver, and 孙园长 the draft 新苗托育园.
 */
export const DEMO_STAFF_NAMES = { guidanceDirector: '陈静', guidanceCaregiver: '赵晓梅', draftDirector: '孙丽华' };

function rename(staff: DemoStaff[], role: DemoStaff['role'], name: string) {
  const person = staff.find((s) => s.role === role);
  if (person && !staff.some((s) => s.name === name)) person.name = name;
}

function guidanceCenter(prng: Prng, today: IsoDate): DemoInstitution {
  const classes = [
    { classType: 'infant' as const, name: '爬爬班', capacity: 10 },
    { classType: 'toddler' as const, name: '走走班', capacity: 15 },
    { classType: 'older_toddler' as const, name: '跳跳班', capacity: 20 },
  ];
  return {
    name: '连云港市婴幼儿照护服务指导中心',
    divisionCode: '320706006',
    creditCode: demoCreditCode(prng, 'public', '320700'),
    operatorType: 'public',
    serviceForms: ['full_day', 'half_day', 'hourly'],
    address: '连云港市海州区秦东门大街669号（市妇幼保健院内）',
    location: { lat: 34.5966, lng: 119.2134 },
    indoorAreaM2: 460,
    outdoorAreaM2: 220,
    opensAt: '08:00',
    closesAt: '17:30',
    weekdays: [1, 2, 3, 4, 5, 6],
    feesFen: { infant: 180_000, toddler: 160_000, older_toddler: 150_000 },
    servesMeals: true,
    facilities: ['保健室', '感统训练室', '亲子活动室', '户外游戏场', '绘本阅读区', '视频监控'],
    description:
      '市妇幼保健院举办的婴幼儿照护服务指导中心，医育结合：按月龄开设爬爬班（6–12个月）、走走班（1–2岁）、跳跳班（2–3岁），并承担全市托育机构从业人员培训。',
    contactPhone: '0518-85820000',
    classes,
    staff: staffFor(prng, classes, true, today),
  };
}

function draftInstitution(prng: Prng, today: IsoDate): DemoInstitution {
  const classes = [
    { classType: 'toddler' as const, name: '托小班', capacity: 15 },
    { classType: 'older_toddler' as const, name: '托大班', capacity: 20 },
  ];
  return {
    name: DEMO_DRAFT_DIRECTOR.institution,
    divisionCode: '320706010',
    creditCode: demoCreditCode(prng, 'private_nonprofit', '320706'),
    operatorType: 'private_nonprofit',
    serviceForms: ['full_day'],
    address: '海州区新浦街道通灌北路16号',
    location: onLand(offset({ lat: 34.605, lng: 119.175 }, 0.6, 0.4)),
    indoorAreaM2: 320,
    outdoorAreaM2: 120,
    opensAt: '07:30',
    closesAt: '17:30',
    weekdays: [1, 2, 3, 4, 5],
    feesFen: { toddler: 210_000, older_toddler: 190_000 },
    servesMeals: true,
    facilities: ['户外游戏场', '午睡室', '独立厨房', '视频监控'],
    description: '新开办的普惠型托育园，正在办理备案。',
    contactPhone: '0518-85551234',
    classes,
    staff: staffFor(prng, classes, true, today),
  };
}

const RETURN_REASONS = [
  '托幼机构卫生评价报告已过有效期，请重新评价后上传。',
  '消防验收材料所载地址与登记地址不一致，请核实。',
  '部分保育人员健康证明缺失，请补充后重新提交。',
];

/**
 * The institutions demo: the guidance center made whole, about 250 institutions over the
 * city's townships, 35 inclusive pilots (12 provincial, 3 demonstration), filings waiting in
 * 海州区, a few compliance problems, and a director with a draft to file. Deterministic for
 * a given `now`. Runs inside the demo seed's transaction.
 */
export async function seedInstitutionDemo(
  trx: Transaction<DB>,
  options: { guidanceCenterId: string; passwordHash: string; now: Date; cipher: FieldCipher },
) {
  const { now, guidanceCenterId } = options;
  const today = todayInShanghai(now);
  const prng = createPrng(2023);
  const divisions = readBundledDivisions();
  const districtName = new Map(divisions.filter((d) => d.level === 'district').map((d) => [d.code, d.name]));
  const townships: DemoTownship[] = divisions
    .filter((d) => d.level === 'township')
    .map((d) => ({ code: d.code, name: d.name, districtName: districtName.get(d.code.slice(0, 6)) ?? '' }));

  const guidance = guidanceCenter(prng, today);
  rename(guidance.staff, 'director', DEMO_STAFF_NAMES.guidanceDirector);
  rename(guidance.staff, 'caregiver', DEMO_STAFF_NAMES.guidanceCaregiver);
  const draft = draftInstitution(prng, today);
  rename(draft.staff, 'director', DEMO_STAFF_NAMES.draftDirector);
  const list = generateInstitutions(prng, townships, 249, today, new Set([guidance.name, draft.name]));
  const plan = planStatuses(prng, list);
  const inclusive = pickInclusive(prng, plan, list, 34);
  applyCaps(list, inclusive, [inclusive[5] as number, inclusive[20] as number]);
  applyProblems(prng, plan, list, inclusive, today);
  // Filed on a working day between spring 2021 and a month ago; created a month before.
  const filedOn = list.map(() =>
    workingDayOnOrBefore(addDays('2021-03-01', prng.int(0, Math.max(1, daysBetween('2021-03-01', today) - 30)))),
  );

  const rows = await insertInstitutions(trx, prng, list, (i) => daysBefore(at(filedOn[i] as IsoDate), 30));
  await updateInstitution(trx, guidanceCenterId, { ...factColumns(guidance), created_at: at('2021-05-20'), updated_at: now });
  const [draftRow] = await insertInstitutions(trx, prng, [draft], () => daysBefore(now, 3));
  const all: Inserted[] = [{ id: guidanceCenterId, demo: guidance, classIds: [] }, ...rows, draftRow as Inserted];
  const plans: Plan[] = ['filed', ...plan, 'draft'];
  const filedDates: IsoDate[] = ['2021-06-18', ...filedOn, today];
  // Everyone gets a distinct fictitious 身份证号, so no one is on two rosters; from a PRNG of their own.
  const people = all.flatMap((entry) => entry.demo.staff);
  demoResidentIds(createPrng(67), people.length, today).forEach((residentId, k) => {
    (people[k] as DemoStaff).residentId = residentId;
  });
  await insertClassesAndStaff(trx, prng, all, { staff: true, cipher: options.cipher });

  // Receipts numbered per district and year in order of filing.
  const wasFiled = (p: Plan) => p === 'filed' || p === 'suspended' || p === 'closed' || p === 'change';
  const order = all.map((_, i) => i).filter((i) => wasFiled(plans[i] as Plan));
  order.sort((a, b) => ((filedDates[a] as string) < (filedDates[b] as string) ? -1 : 1));
  const counters = new Map<string, number>();
  const receipts = new Map<number, { number: string; district: string; year: number; seq: number }>();
  for (const i of order) {
    const district = (all[i] as Inserted).demo.divisionCode.slice(0, 6);
    const year = Number((filedDates[i] as string).slice(0, 4));
    const seq = (counters.get(`${district}|${year}`) ?? 0) + 1;
    counters.set(`${district}|${year}`, seq);
    receipts.set(i, { number: formatReceiptNumber(district, year, seq), district, year, seq });
  }
  await publishFiledVersions(
    trx,
    order.map((i) => ({
      institutionId: (all[i] as Inserted).id,
      filingNumber: receipts.get(i)?.number as string,
      filedAt: at(filedDates[i] as IsoDate, 15),
    })),
    now,
  );

  // Filings with what was submitted; drafts have none.
  const submittedIndices = all.map((_, i) => i).filter((i) => plans[i] !== 'draft');
  const states = await loadStates(
    trx,
    submittedIndices.map((i) => (all[i] as Inserted).id),
    today,
    { files: true },
  );
  const snapshot = (i: number) =>
    JSON.stringify(snapshotOf(states.get((all[i] as Inserted).id) as never, today, DEFAULT_COMPLIANCE_SETTINGS));
  const filings: Insertable<DB['institution_filings']>[] = [];
  const reviewDay = workingDayOnOrBefore(addDaysIso(today, -1));
  let waiting = 0;
  for (const i of submittedIndices) {
    const entry = all[i] as Inserted;
    const p = plans[i] as Plan;
    const district = entry.demo.divisionCode.slice(0, 6);
    const receipt = receipts.get(i);
    if (receipt) {
      const filedDate = filedDates[i] as IsoDate;
      const decided = at(filedDate, 15);
      filings.push({
        institution_id: entry.id,
        kind: 'initial',
        district_code: district,
        snapshot: snapshot(i),
        submitted_at: at(workingDaysBefore(filedDate, 4), 9 + (i % 8), (i * 7) % 60),
        review_started_at: at(workingDaysBefore(filedDate, 2), 9, 30),
        outcome: 'filed',
        decided_at: decided,
        checklist: JSON.stringify(
          Object.fromEntries(
            [
              'registration',
              'premises',
              'health_evaluation',
              'fire_safety',
              'staff',
              'class_plan',
              'fees',
              ...(entry.demo.servesMeals ? ['food_licence'] : []),
            ].map((k) => [k, true]),
          ),
        ),
        receipt_number: receipt.number,
        receipt_year: receipt.year,
        receipt_seq: receipt.seq,
      });
    } else {
      waiting += 1;
      // Submitted on a working day in office hours (09:00–17:00) before the last working day, when reviews began.
      const submitted = at(workingDaysBefore(reviewDay, 1 + ((waiting * 3) % 8)), 9 + (waiting % 8), (waiting * 13) % 60);
      filings.push({
        institution_id: entry.id,
        kind: 'initial',
        district_code: district,
        snapshot: snapshot(i),
        submitted_at: submitted,
        review_started_at: p === 'submitted' ? null : at(reviewDay, 9, 30),
        ...(p === 'returned'
          ? { outcome: 'returned', decided_at: at(reviewDay, 16), reasons: RETURN_REASONS[waiting % RETURN_REASONS.length] }
          : {}),
      });
    }
  }
  await insertFilings(trx, filings);

  // The change filing: the institution is moving to new premises; the filed version stays public.
  for (const i of all.map((_, i) => i).filter((i) => plans[i] === 'change')) {
    const entry = all[i] as Inserted;
    const moved = onLand(offset(entry.demo.location, 0.8, -0.6));
    await updateInstitution(trx, entry.id, {
      address: `${entry.demo.address.replace(/\d+号$/, '')}${prng.int(1, 300)}号（新址）`,
      lat: moved.lat,
      lng: moved.lng,
      indoor_area_m2: entry.demo.indoorAreaM2 + 60,
    });
    const state = (await loadStates(trx, [entry.id], today, { files: true })).get(entry.id);
    await insertFilings(trx, [
      {
        institution_id: entry.id,
        kind: 'change',
        district_code: entry.demo.divisionCode.slice(0, 6),
        snapshot: JSON.stringify(snapshotOf(state as never, today, DEFAULT_COMPLIANCE_SETTINGS)),
        changed_facts: ['address', 'location', 'indoorAreaM2'],
        submitted_at: at(workingDaysBefore(reviewDay, 1), 14, 20),
      },
    ]);
  }

  await setStatuses(trx, all, plans, now);
  await grantDesignations(
    trx,
    prng,
    guidanceCenterId,
    inclusive.map((i) => (rows[i] as Inserted).id),
    today,
  );
  await insertReceiptCounters(
    trx,
    [...counters.entries()].map(([key, last]) => ({
      district_code: key.split('|')[0] as string,
      year: Number(key.split('|')[1]),
      last_number: last,
    })),
  );

  await createAccount(trx, { phone: DEMO_DRAFT_DIRECTOR.phone, name: DEMO_DRAFT_DIRECTOR.name, passwordHash: options.passwordHash }, [
    { role: 'institution_admin', institutionId: (draftRow as Inserted).id },
  ]);
  return { institutions: all.length, inclusive: inclusive.length + 1 };
}

const STATUS_REASONS: Partial<Record<Plan, string[]>> = {
  suspended: ['消防安全检查发现隐患，责令停业整改。', '保育人员配备不足，暂停收托。'],
  closed: ['举办者申请注销。'],
};

async function setStatuses(trx: Transaction<DB>, all: Inserted[], plans: Plan[], now: Date) {
  const groups = new Map<string, { status: string; reason: string | null; ids: string[] }>();
  const seen = new Map<Plan, number>();
  all.forEach((entry, i) => {
    const p = plans[i] as Plan;
    const k = seen.get(p) ?? 0;
    seen.set(p, k + 1);
    const reasons = p === 'returned' ? RETURN_REASONS : STATUS_REASONS[p];
    const reason = reasons ? (reasons[k % reasons.length] as string) : null;
    const status = p === 'change' ? 'submitted' : p;
    const key = `${status}|${reason ?? ''}`;
    const group = groups.get(key) ?? { status, reason, ids: [] };
    group.ids.push(entry.id);
    groups.set(key, group);
  });
  for (const { status, reason, ids } of groups.values()) {
    await setDemoStatus(trx, ids, { status, status_reason: reason, status_changed_at: now });
    if (status === 'suspended' || status === 'closed') await hideFiledVersions(trx, ids, todayInShanghai(now));
  }
}

/**
 * Lianyungang 2023: 35 inclusive pilot institutions, 12 of them provincial pilots, and 3
 * demonstration institutions. The guidance center is all three.
 */
async function grantDesignations(trx: Transaction<DB>, prng: Prng, guidanceCenterId: string, inclusiveIds: string[], today: IsoDate) {
  const ids = [guidanceCenterId, ...inclusiveIds];
  const caps = capsToColumns(Object.fromEntries(Object.entries(DEMO_CAPS_YUAN).map(([t, y]) => [t, y * 100])) as Record<ClassType, number>);
  const rows: Insertable<DB['institution_designations']>[] = [];
  ids.forEach((id, k) => {
    const validFrom = k < 20 ? '2023-03-01' : '2024-03-01';
    rows.push({
      institution_id: id,
      kind: 'inclusive',
      granted_on: validFrom,
      document: `连卫人口〔${validFrom.slice(0, 4)}〕${k + 3}号`,
      valid_from: validFrom,
      valid_to: addMonthsIso(today, prng.int(6, 30)),
      ...caps,
    });
    rows.push({
      institution_id: id,
      kind: 'pilot',
      level: k < 12 ? 'provincial' : 'city',
      granted_on: '2023-06-01',
      document: k < 12 ? `苏卫人口〔2023〕${20 + k}号` : `连卫人口〔2023〕${40 + k}号`,
      valid_from: '2023-06-01',
    });
    if (k < 3) {
      rows.push({
        institution_id: id,
        kind: 'demonstration',
        level: 'provincial',
        granted_on: '2023-12-01',
        document: `苏卫人口〔2023〕${60 + k}号`,
        valid_from: '2023-12-01',
      });
    }
  });
  await insertDesignations(trx, rows);
}

/** Calendar arithmetic on the date alone (UTC has no daylight saving to skip a day). */
function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
