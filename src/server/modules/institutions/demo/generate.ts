import { ClassStandard, type ClassType } from '../../../../domain/classes/classTypes.ts';
import { addMonthsIso, type IsoDate } from '../../../../domain/dates/shanghai.ts';
import { creditCodeCheckChar } from '../../../../domain/identity/creditCode.ts';
import type { CertificateKind, OperatorType, ServiceForm, StaffRole } from '../../../../domain/institutions/vocabulary.ts';
import { apportion, type Prng } from '../../../../domain/random/prng.ts';
import { address, institutionName, personName } from './names.ts';
import { nearTownship, type Point, townshipCentre } from './places.ts';

export type DemoTownship = { code: string; name: string; districtName: string };

export type DemoClass = { classType: ClassType; name: string; capacity: number };
export type DemoCertificate = { kind: CertificateKind; number: string | null; issuedOn: IsoDate | null; expiresOn: IsoDate | null };
export type DemoStaff = {
  name: string;
  role: StaffRole;
  hiredOn: IsoDate;
  classIndex: number | null;
  certificates: DemoCertificate[];
  /** 身份证号, given to everyone once the whole demo is drawn (`demoResidentIds`). */
  residentId?: string;
};

export type DemoInstitution = {
  name: string;
  divisionCode: string;
  creditCode: string;
  operatorType: OperatorType;
  serviceForms: ServiceForm[];
  address: string;
  location: Point;
  indoorAreaM2: number;
  outdoorAreaM2: number;
  opensAt: string;
  closesAt: string;
  weekdays: number[];
  feesFen: Partial<Record<ClassType, number>>;
  servesMeals: boolean;
  facilities: string[];
  description: string;
  contactPhone: string;
  classes: DemoClass[];
  staff: DemoStaff[];
};

const OPERATORS: [OperatorType, number][] = [
  ['private_for_profit', 40],
  ['private_nonprofit', 20],
  ['kindergarten_attached', 15],
  ['public', 8],
  ['community', 8],
  ['family_point', 5],
  ['employer', 4],
];

/** Typical monthly fee for a toddler place, yuan, by operator (demo figures). */
const FEE_RANGE: Record<OperatorType, [number, number]> = {
  public: [1200, 1800],
  private_nonprofit: [1500, 2400],
  private_for_profit: [2000, 3800],
  employer: [1000, 1600],
  community: [1300, 2000],
  kindergarten_attached: [1200, 2000],
  family_point: [1500, 2500],
};

const FEE_FACTOR: Record<ClassType, number> = { infant: 1.2, toddler: 1, older_toddler: 0.9, mixed: 0.95 };
const CLASS_NAMES: Record<ClassType, string> = { infant: '乳儿班', toddler: '托小班', older_toddler: '托大班', mixed: '混龄班' };
const FACILITIES = [
  '户外游戏场',
  '感统训练室',
  '午睡室',
  '独立厨房',
  '保健室',
  '视频监控',
  '消毒间',
  '绘本阅读区',
  '亲子活动室',
  '新风系统',
];
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

function weighted<T>(prng: Prng, choices: [T, number][]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = prng.next() * total;
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  return (choices.at(-1) as [T, number])[0];
}

/**
 * GB 32100-2015: registration authority and category (12 public institution, 52 private
 * non-enterprise unit, 91 enterprise, 92 individual business), the district code, a nine-character
 * organisation code and the check character.
 */
export function demoCreditCode(prng: Prng, operator: OperatorType, districtCode: string): string {
  const prefix = {
    public: '12',
    private_nonprofit: '52',
    community: '52',
    kindergarten_attached: '52',
    private_for_profit: '91',
    employer: '91',
    family_point: '92',
  }[operator];
  let organisation = '';
  for (let i = 0; i < 9; i++) organisation += CODE_ALPHABET.charAt(prng.int(0, CODE_ALPHABET.length - 1));
  const first17 = `${prefix}${districtCode}${organisation}`;
  return first17 + creditCodeCheckChar(first17);
}

function classPlan(prng: Prng, operator: OperatorType): DemoClass[] {
  if (operator === 'family_point') return [{ classType: 'mixed', name: '混龄班', capacity: prng.int(4, 5) }];
  const types: ClassType[] =
    operator === 'kindergarten_attached'
      ? Array.from({ length: prng.int(1, 2) }, () => 'older_toddler' as const)
      : Array.from({ length: prng.int(2, 5) }, () =>
          weighted<ClassType>(prng, [
            ['infant', 15],
            ['toddler', 35],
            ['older_toddler', 40],
            ['mixed', 10],
          ]),
        ).sort((a, b) => ClassStandardOrder[a] - ClassStandardOrder[b]);
  const counts: Partial<Record<ClassType, number>> = {};
  return types.map((classType) => {
    counts[classType] = (counts[classType] ?? 0) + 1;
    const max = ClassStandard[classType].maxChildren;
    return {
      classType,
      name: `${CLASS_NAMES[classType]}${NUMERALS[(counts[classType] ?? 1) - 1]}`,
      capacity: prng.int(Math.ceil(max * 0.6), max),
    };
  });
}

const ClassStandardOrder: Record<ClassType, number> = { infant: 0, toddler: 1, older_toddler: 2, mixed: 3 };

// Calendar arithmetic in Asia/Shanghai is exact but slow; the demo needs few distinct dates.
const shifted = new Map<string, IsoDate>();
function monthsFrom(date: IsoDate, months: number): IsoDate {
  const key = `${date}|${months}`;
  let found = shifted.get(key);
  if (!found) {
    found = addMonthsIso(date, months);
    shifted.set(key, found);
  }
  return found;
}

/** A health certificate issued within the last year (renewed yearly), valid on `today`. */
export function healthCertificate(prng: Prng, today: IsoDate): DemoCertificate {
  const issuedOn = monthsFrom(today, -prng.int(0, 10));
  return { kind: 'health', number: `JK${prng.int(100000, 999999)}`, issuedOn, expiresOn: monthsFrom(issuedOn, 12) };
}

export function staffFor(prng: Prng, classes: DemoClass[], servesMeals: boolean, today: IsoDate): DemoStaff[] {
  const hired = () => monthsFrom(today, -prng.int(3, 60));
  // Namesakes happen, but two on one small roster read as a mistake in the demo.
  const taken = new Set<string>();
  const newName = () => {
    let name = personName(prng);
    while (taken.has(name)) name = personName(prng);
    taken.add(name);
    return name;
  };
  const staff: DemoStaff[] = [
    { name: newName(), role: 'director', hiredOn: hired(), classIndex: null, certificates: [healthCertificate(prng, today)] },
  ];
  classes.forEach((c, classIndex) => {
    const needed = Math.ceil(c.capacity / ClassStandard[c.classType].childrenPerCaregiver);
    for (let k = 0; k < needed; k++) {
      staff.push({
        name: newName(),
        role: 'caregiver',
        hiredOn: hired(),
        classIndex,
        certificates: [
          healthCertificate(prng, today),
          {
            kind: 'caregiver_qualification',
            number: `BY${prng.int(100000, 999999)}`,
            issuedOn: monthsFrom(today, -prng.int(6, 80)),
            expiresOn: null,
          },
        ],
      });
    }
  });
  staff.push({
    name: newName(),
    role: 'health_worker',
    hiredOn: hired(),
    classIndex: null,
    certificates: [
      healthCertificate(prng, today),
      { kind: 'health_worker_qualification', number: null, issuedOn: monthsFrom(today, -prng.int(6, 60)), expiresOn: null },
    ],
  });
  if (classes.length > 1) staff.push({ name: newName(), role: 'security', hiredOn: hired(), classIndex: null, certificates: [] });
  if (servesMeals)
    staff.push({
      name: newName(),
      role: 'cook',
      hiredOn: hired(),
      classIndex: null,
      certificates: [healthCertificate(prng, today)],
    });
  return staff;
}

/** Weight of a township in the demo: subdistricts have more institutions than towns; farms and zones few; islands none. */
function townshipWeight(t: DemoTownship): number {
  if (t.code === '320703203') return 0; // 前三岛乡: islands
  if (t.code.charAt(6) === '4') return 0.3;
  if (t.name.endsWith('街道')) return 3;
  if (t.name.endsWith('乡')) return 0.8;
  return 1.5;
}

/**
 * `count` demo institutions spread over the townships by weight, each placed near its
 * township's centre, with a class plan, fees, a staff roster at the national ratio and areas
 * above the default minimums. Deterministic for a given PRNG and date.
 */
export function generateInstitutions(
  prng: Prng,
  townships: DemoTownship[],
  count: number,
  today: IsoDate,
  taken = new Set<string>(),
): DemoInstitution[] {
  const perTownship = apportion(count, townships.map(townshipWeight));
  const out: DemoInstitution[] = [];
  townships.forEach((township, i) => {
    const centre = townshipCentre(township.code, township.name);
    for (let k = 0; k < (perTownship[i] ?? 0); k++) {
      const operator = weighted(prng, OPERATORS);
      const classes = classPlan(prng, operator);
      const places = classes.reduce((s, c) => s + c.capacity, 0);
      const [low, high] = FEE_RANGE[operator];
      const toddlerFee = Math.round(prng.between(low, high) / 50) * 50;
      const feesFen: Partial<Record<ClassType, number>> = {};
      for (const c of classes) feesFen[c.classType] = Math.round((toddlerFee * FEE_FACTOR[c.classType]) / 50) * 50 * 100;
      const servesMeals = operator !== 'family_point' && prng.next() < 0.85;
      const forms: ServiceForm[] = ['full_day'];
      if (prng.next() < 0.3) forms.push('half_day');
      if (prng.next() < 0.25) forms.push('hourly');
      if (prng.next() < 0.1) forms.push('temporary');
      const facilities = FACILITIES.filter(() => prng.next() < 0.45);
      const opensAt = `0${prng.int(7, 7)}:${['00', '15', '30', '45'][prng.int(0, 3)]}`;
      const closesAt = `${prng.int(17, 18)}:${['00', '30'][prng.int(0, 1)]}`;
      out.push({
        name: institutionName(prng, township.name, operator, taken),
        divisionCode: township.code,
        creditCode: demoCreditCode(prng, operator, township.code.slice(0, 6)),
        operatorType: operator,
        serviceForms: forms,
        address: address(prng, township.districtName, township.name),
        location: nearTownship(centre, township.name.endsWith('街道'), prng.next),
        indoorAreaM2: Math.round(places * prng.between(4, 9)),
        outdoorAreaM2: Math.round(places * prng.between(2.5, 6)),
        opensAt,
        closesAt,
        weekdays: prng.next() < 0.2 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
        feesFen,
        servesMeals,
        facilities,
        description: `设${classes.length}个班级，共${places}个托位，提供${forms.length > 1 ? '多种' : '全日托'}服务。`,
        contactPhone: `0518-8${prng.int(1000000, 9999999)}`,
        classes,
        staff: staffFor(prng, classes, servesMeals, today),
      });
    }
  });
  return out;
}
