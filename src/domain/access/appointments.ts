import { isWithinDivision } from '../geography/divisionCode.ts';
import type { RoleGrant } from './roles.ts';

/** Roles that are appointed, never self-registered (product.md §2): each carries a division. */
export const APPOINTED_ROLES = ['city_official', 'district_official'] as const;
export type AppointedRole = (typeof APPOINTED_ROLES)[number];

/** The division level each appointed role holds. */
export const LEVEL_OF_ROLE: Record<AppointedRole, 'city' | 'district'> = {
  city_official: 'city',
  district_official: 'district',
};

/**
 * Whether someone holding `granter` may grant (or take away) `grant`. The admin appoints city and
 * district officials anywhere; a city official appoints district officials of districts inside
 * their own city and nothing else, so nobody grants a role wider than their own.
 */
export function mayAppoint(granter: readonly RoleGrant[], grant: RoleGrant): boolean {
  if (grant.role !== 'city_official' && grant.role !== 'district_official') return false;
  if (!grant.divisionCode) return false;
  if (granter.some((g) => g.role === 'admin')) return true;
  const division = grant.divisionCode;
  return (
    grant.role === 'district_official' &&
    granter.some((g) => g.role === 'city_official' && g.divisionCode !== undefined && isWithinDivision(division, g.divisionCode))
  );
}

/**
 * Whether `granter` may take `grant` away. The admin may also end any other role (a caregiver's
 * or a director's access, a parent role) when an account must lose it; the rest as `mayAppoint`.
 */
export function mayRevoke(granter: readonly RoleGrant[], grant: RoleGrant): boolean {
  return granter.some((g) => g.role === 'admin') || mayAppoint(granter, grant);
}

/**
 * Whether an accounts page shows and manages this account. The admin manages every account; a
 * city official those holding no role wider than a district official of their own city (so a
 * new appointee's parent account too, found by its exact number), and nobody else does.
 */
export function mayManageAccount(manager: readonly RoleGrant[], target: readonly RoleGrant[]): boolean {
  if (manager.some((g) => g.role === 'admin')) return true;
  const cities = manager.flatMap((g) => (g.role === 'city_official' && g.divisionCode ? [g.divisionCode] : []));
  if (cities.length === 0) return false;
  return target.every((g) => {
    if (g.role === 'admin' || g.role === 'city_official') return false;
    const division = g.divisionCode;
    return g.role !== 'district_official' || (division !== undefined && cities.some((c) => isWithinDivision(division, c)));
  });
}

/** Whether the manager may disable or enable the account: the admin any, a city official their district officials. */
export function mayDisableAccount(manager: readonly RoleGrant[], target: readonly RoleGrant[]): boolean {
  if (manager.some((g) => g.role === 'admin')) return true;
  return mayManageAccount(manager, target) && target.some((g) => g.role === 'district_official');
}

/**
 * The divisions an appointment form offers for `role`: those of the role's level that `granter`
 * may grant (mayAppoint), so the page never offers what the server would refuse as ROLE_TOO_WIDE.
 */
export function appointableDivisions<D extends { code: string; level: string }>(
  granter: readonly RoleGrant[],
  role: AppointedRole,
  divisions: readonly D[],
): D[] {
  return divisions.filter((d) => d.level === LEVEL_OF_ROLE[role] && mayAppoint(granter, { role, divisionCode: d.code }));
}
