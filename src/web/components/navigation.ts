import type { Role } from '../features/platform/api';

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
  | 'growth'
  | 'healthChecks'
  | 'divisions'
  | 'indicators'
  | 'account'
  | 'accounts'
  | 'audit';

export const AREA_PATH: Record<Area, string> = {
  home: '',
  children: 'children',
  applications: 'applications',
  attendance: 'attendance',
  alerts: 'alerts',
  growth: 'growth',
  healthChecks: 'health-checks',
  divisions: 'divisions',
  indicators: 'indicators',
  account: 'account',
  accounts: 'accounts',
  audit: 'audit',
  institution: 'my-institution',
  filings: 'filings',
  registry: 'institutions',
  statements: 'statements',
  vouchers: 'vouchers',
  benefits: 'benefits',
  voucherPrograms: 'voucher-programs',
  subsidyApplications: 'subsidy-applications',
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
 * Money is the director's (fee statements, voucher redemption, subsidy applications), the
 * parent's (vouchers, tax deduction and childcare subsidy) and the officials' (programs,
 * settlement, reviews); caregivers never see it. Officials are appointed on the accounts page by
 * the admin and by city officials (district officials appoint nobody).
 */
export const AREAS_BY_ROLE: Record<Role, readonly Area[]> = {
  parent: ['home', 'children', 'applications', 'vouchers', 'benefits', 'growth', 'healthChecks', 'divisions'],
  institution_admin: [
    'home',
    'institution',
    'children',
    'applications',
    'attendance',
    'statements',
    'subsidyApplications',
    'alerts',
    'divisions',
  ],
  caregiver: ['home', 'children', 'attendance'],
  district_official: [
    'home',
    'indicators',
    'filings',
    'registry',
    'voucherPrograms',
    'subsidyApplications',
    'alerts',
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
    'divisions',
    'accounts',
    'account',
  ],
  admin: ['home', 'divisions', 'accounts', 'account', 'audit'],
};

export const AREA_LABEL_KEY: Record<Area, string> = {
  home: 'nav.home',
  children: 'growthRecords.nav',
  applications: 'enrollment.nav',
  attendance: 'attendance.nav',
  alerts: 'alerts.nav',
  growth: 'nav.growth',
  healthChecks: 'nav.healthChecks',
  divisions: 'nav.divisions',
  indicators: 'nav.home',
  account: 'nav.account',
  accounts: 'accounts.nav',
  audit: 'nav.audit',
  institution: 'institutions.nav',
  filings: 'institutions.queueNav',
  registry: 'registry.nav',
  statements: 'statements.nav',
  vouchers: 'vouchers.nav',
  benefits: 'benefits.nav',
  voucherPrograms: 'voucherPrograms.nav',
  subsidyApplications: 'subsidyApplications.nav',
};

/** Areas with pages of their own below them (`children/:childId/growth`): mounted as `path/*`. */
export const NESTED_AREAS: ReadonlySet<Area> = new Set<Area>([
  'children',
  'filings',
  'registry',
  'voucherPrograms',
  'subsidyApplications',
  'indicators',
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
