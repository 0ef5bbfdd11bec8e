import type { Role, RoleGrant } from '../../../domain/access/roles.ts';

/** What a route needs, declared on the route itself (`config.access`). */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn'; allowWithoutSecondFactor?: boolean }
  | { kind: 'roles'; roles: readonly Role[] };

export const PUBLIC: Access = { kind: 'public' };
export const SIGNED_IN: Access = { kind: 'signedIn' };
/** For the routes a user needs to reach before enrolling a second factor. */
export const SIGNED_IN_ENROLLMENT: Access = { kind: 'signedIn', allowWithoutSecondFactor: true };
export function roles(...allowed: Role[]): Access {
  return { kind: 'roles', roles: allowed };
}

/** The signed-in user as the server knows them for this request. */
export type Actor = {
  userId: string;
  phone: string;
  name: string;
  sessionId: string;
  totpEnabled: boolean;
  grants: RoleGrant[];
};

/**
 * The data an actor may reach through one route: only the grants of roles the route allows
 * count, so a parent who is also a caregiver does not widen a parent route.
 */
export type Scope = {
  actor: Actor;
  grants: RoleGrant[];
  /** Admin or city official: everything in the city. */
  cityWide: boolean;
  /** Divisions whose subtree is visible (district officials). */
  divisionCodes: string[];
  institutionIds: string[];
  /** Set when a parent grant applies: rows owned by this guardian. */
  guardianUserId: string | null;
};

export function scopeOf(actor: Actor, access: Access): Scope {
  const grants = access.kind === 'roles' ? actor.grants.filter((g) => access.roles.includes(g.role)) : actor.grants;
  return {
    actor,
    grants,
    cityWide: grants.some((g) => g.role === 'admin' || g.role === 'city_official'),
    divisionCodes: grants.filter((g) => g.role === 'district_official').map((g) => g.divisionCode as string),
    institutionIds: grants.filter((g) => g.institutionId).map((g) => g.institutionId as string),
    guardianUserId: grants.some((g) => g.role === 'parent') ? actor.userId : null,
  };
}

export function hasOfficialRole(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin' || g.role === 'city_official' || g.role === 'district_official');
}
