import type { Role, RoleGrant } from '../features/platform/api';

/** An area of a role's workspace: one nav item and one route under the shell's base path. */
export type Area =
  | 'home'
  | 'children'
  | 'institution'
  | 'filings'
  | 'registry'
  | 'statements'
  | 'vouchers'
  | 'benefits'
  | 'voucherPrograms'
  | 'subsidyApplications'
  | 'applications'
  | 'attendance'
  | 'alerts'
  | 'inspections'
  | 'growth'
  | 'healthChecks'
  | 'divisions'
  | 'indicators'
  | 'account'
  | 'accounts'
  | 'audit'
  | 'myData'
  | 'deletionRequests'
  | 'messages'
  | 'complaints'
  | 'calendar'
  | 'articles'
  | 'bookings'
  | 'courses'
  | 'trainings';

export const AREA_PATH: Record<Area, string> = {
  home: '',
  children: 'children',
  applications: 'applications',
  attendance: 'attendance',
  alerts: 'alerts',
  inspections: 'inspections',
  growth: 'growth',
  healthChecks: 'health-checks',
  divisions: 'divisions',
  indicators: 'indicators',
  account: 'account',
  accounts: 'accounts',
  audit: 'audit',
  myData: 'my-data',
  deletionRequests: 'deletion-requests',
  messages: 'messages',
  complaints: 'complaints',
  calendar: 'calendar',
  institution: 'my-institution',
  filings: 'filings',
  registry: 'institutions',
  statements: 'statements',
  vouchers: 'vouchers',
  benefits: 'benefits',
  voucherPrograms: 'voucher-programs',
  subsidyApplications: 'subsidy-applications',
  articles: 'articles',
  bookings: 'bookings',
  courses: 'courses',
  trainings: 'trainings',
};

/**
 * The one table of what each role may open. The nav shows exactly these items and the shells
 * mount exactly these routes, so a hidden item cannot still be reached by typing its address.
 * Caregivers get the smallest set: their work is their own institution's children. Account
 * security (2FA) is offered where the product requires it: officials and administrators.
 * Parents get the public growth calculator and health-check pages inside their own workspace,
 * so checking a child's growth does not mean leaving it. Children (a guardian's own, or those
 * holding a place for staff) open each child's growth record; illness alerts go to the director
 * and to the officials who must acknowledge them, not to caregivers. The director keeps the institution's record and filing (备案); officials review filings. Applications (入托) are the
 * parent's and the director's; the day's attendance is taken by caregivers, and directors cover it.
 * Inspections are drawn and recorded by the district's officials; the director answers their rectifications.
 * Money is the director's (fee statements, voucher redemption, subsidy applications), the
 * parent's (vouchers, tax deduction and childcare subsidy) and the officials' (programs,
 * settlement, reviews); caregivers never see it. A parent's own data (export, deletion requests) is
 * theirs; so are their bookings of the guidance center's courses, which the center's staff (its
 * director and caregivers; other institutions' staff are refused by the server) and city
 * officials run; the admin decides deletion requests. Officials are appointed on the accounts
 * page by the admin and by city officials (district officials appoint nobody). Complaints are
 * the parent's own (我的投诉) and the officials' queue; an institution's staff never see them.
 * The admin keeps the holiday calendar that working-day deadlines count with. Articles are the
 * city's: its officials write and review them. Staff training (培训) is run by the guidance center's
 * directors and city officials; every director enrols their own staff there and sees their hours.
 */
export const AREAS_BY_ROLE: Record<Role, readonly Area[]> = {
  parent: [
    'home',
    'children',
    'applications',
    'bookings',
    'vouchers',
    'benefits',
    'growth',
    'healthChecks',
    'complaints',
    'divisions',
    'myData',
  ],
  institution_admin: [
    'home',
    'institution',
    'children',
    'applications',
    'attendance',
    'statements',
    'subsidyApplications',
    'alerts',
    'courses',
    'trainings',
    'inspections',
    'divisions',
  ],
  caregiver: ['home', 'children', 'attendance', 'courses'],
  district_official: [
    'home',
    'indicators',
    'filings',
    'registry',
    'voucherPrograms',
    'subsidyApplications',
    'alerts',
    'complaints',
    'inspections',
    'divisions',
    'account',
  ],
  city_official: [
    'home',
    'indicators',
    'filings',
    'registry',
    'voucherPrograms',
    'subsidyApplications',
    'alerts',
    'complaints',
    'inspections',
    'articles',
    'courses',
    'trainings',
    'divisions',
    'accounts',
    'account',
  ],
  admin: ['home', 'divisions', 'accounts', 'account', 'audit', 'deletionRequests', 'messages', 'calendar'],
};

/**
 * An institution never filed (备案) takes no children, attendance or money yet: its staff see
 * what they can use, the record with its classes, staff, invitations and filing, and the
 * divisions for reference. Filed once, the institution keeps every area, suspended or not.
 */
const BEFORE_FILING: ReadonlySet<Area> = new Set<Area>(['home', 'institution', 'divisions']);

/** The areas the active grant may open: its role's, narrowed for an institution not yet filed. */
export function areasOf(grant: RoleGrant): readonly Area[] {
  const areas = AREAS_BY_ROLE[grant.role];
  return grant.institutionFiled === false ? areas.filter((area) => BEFORE_FILING.has(area)) : areas;
}

export const AREA_LABEL_KEY: Record<Area, string> = {
  home: 'nav.home',
  children: 'growthRecords.nav',
  applications: 'enrollment.nav',
  attendance: 'attendance.nav',
  alerts: 'alerts.nav',
  inspections: 'supervision.nav',
  growth: 'nav.growth',
  healthChecks: 'nav.healthChecks',
  divisions: 'nav.divisions',
  indicators: 'nav.home',
  account: 'nav.account',
  accounts: 'accounts.nav',
  audit: 'nav.audit',
  myData: 'privacy.nav',
  deletionRequests: 'privacy.review.nav',
  messages: 'outboundMessages.nav',
  institution: 'institutions.nav',
  filings: 'institutions.queueNav',
  registry: 'registry.nav',
  statements: 'statements.nav',
  vouchers: 'vouchers.nav',
  benefits: 'benefits.nav',
  voucherPrograms: 'voucherPrograms.nav',
  subsidyApplications: 'subsidyApplications.nav',
  complaints: 'complaints.nav',
  calendar: 'calendar.nav',
  articles: 'articles.officialNav',
  bookings: 'courses.myBookings',
  courses: 'courses.staff.nav',
  trainings: 'trainings.nav',
};

/** Areas with pages of their own below them (`children/:childId/growth`): mounted as `path/*`. */
export const NESTED_AREAS: ReadonlySet<Area> = new Set<Area>([
  'children',
  'filings',
  'registry',
  'voucherPrograms',
  'subsidyApplications',
  'indicators',
  'articles',
  'courses',
  'inspections',
]);

/**
 * Areas reached from the home page only (the officials' drill-down below their own division):
 * mounted like any area, but without a nav item of their own; the home item stays selected.
 */
export const WITHIN_HOME: ReadonlySet<Area> = new Set<Area>(['indicators']);

export function areaHref(base: string, area: Area): string {
  const path = AREA_PATH[area];
  return path ? `${base}/${path}` : base;
}
