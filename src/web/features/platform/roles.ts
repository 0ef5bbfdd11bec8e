import type { TFunction } from 'i18next';
import type { Me, Role, RoleGrant } from './api';

/** Where each role works: one shell per audience (public, family, institution, official, admin). */
export const ROLE_HOME: Record<Role, string> = {
  parent: '/family',
  institution_admin: '/institution',
  caregiver: '/institution',
  district_official: '/official',
  city_official: '/official',
  admin: '/admin',
};

/** The part of the system a grant covers, in words: a division, an institution, own children. */
export function scopeLabel(grant: RoleGrant, t: TFunction): string {
  switch (grant.role) {
    case 'parent':
      return t('roles.scopeOwnChildren');
    case 'institution_admin':
    case 'caregiver':
      return grant.institutionName ?? grant.divisionName ?? '';
    case 'district_official':
    case 'city_official':
      return grant.divisionName ?? grant.divisionCode ?? '';
    case 'admin':
      return t('roles.scopeWholeSystem');
  }
}

export function grantKey(grant: RoleGrant): string {
  return [grant.role, grant.divisionCode ?? '', grant.institutionId ?? ''].join('|');
}

const ACTIVE_ROLE_KEY = 'tuoyu.activeRole';

/** Remembers which of several roles the user is acting in, for this browser tab only. */
export function rememberActiveGrant(grant: RoleGrant): void {
  try {
    sessionStorage.setItem(ACTIVE_ROLE_KEY, grantKey(grant));
  } catch {
    // Without storage the shell falls back to the first matching role, which is still correct.
  }
}

/** The grant this shell acts in: the remembered one if it belongs here, else the first that does. */
export function activeGrant(me: Me, shellRoles: readonly Role[]): RoleGrant | undefined {
  const inShell = me.roles.filter((grant) => shellRoles.includes(grant.role));
  let remembered: string | null = null;
  try {
    remembered = sessionStorage.getItem(ACTIVE_ROLE_KEY);
  } catch {
    remembered = null;
  }
  return inShell.find((grant) => grantKey(grant) === remembered) ?? inShell[0];
}

/** After sign-in: the first role's home, unless the page the user was sent away from is theirs. */
export function homeAfterSignIn(me: Me, from: string | undefined): string | undefined {
  const first = me.roles[0];
  if (!first) return undefined;
  if (from) {
    const grant = me.roles.find((g) => from === ROLE_HOME[g.role] || from.startsWith(`${ROLE_HOME[g.role]}/`));
    if (grant) {
      rememberActiveGrant(grant);
      return from;
    }
  }
  rememberActiveGrant(first);
  return ROLE_HOME[first.role];
}
