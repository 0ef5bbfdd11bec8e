import type { Role } from '../api';

/** An area of a role's workspace: one nav item and one route under the shell's base path. */
export type Area = 'home' | 'growth' | 'healthChecks' | 'divisions' | 'account' | 'audit';

export const AREA_PATH: Record<Area, string> = {
  home: '',
  growth: 'growth',
  healthChecks: 'health-checks',
  divisions: 'divisions',
  account: 'account',
  audit: 'audit',
};

/**
 * The one table of what each role may open. The nav shows exactly these items and the shells
 * mount exactly these routes, so a hidden item cannot still be reached by typing its address.
 * Caregivers get the smallest set: their work is their own institution's children. Account
 * security (2FA) is offered where the product requires it: officials and administrators.
 * Parents get the public growth calculator and health-check pages inside their own workspace,
 * so checking a child's growth does not mean leaving it.
 */
export const AREAS_BY_ROLE: Record<Role, readonly Area[]> = {
  parent: ['home', 'growth', 'healthChecks', 'divisions'],
  institution_admin: ['home', 'divisions'],
  caregiver: ['home'],
  district_official: ['home', 'divisions', 'account'],
  city_official: ['home', 'divisions', 'account'],
  admin: ['home', 'divisions', 'account', 'audit'],
};

export const AREA_LABEL_KEY: Record<Area, string> = {
  home: 'nav.home',
  growth: 'nav.growth',
  healthChecks: 'nav.healthChecks',
  divisions: 'nav.divisions',
  account: 'nav.account',
  audit: 'nav.audit',
};

export function areaHref(base: string, area: Area): string {
  const path = AREA_PATH[area];
  return path ? `${base}/${path}` : base;
}
