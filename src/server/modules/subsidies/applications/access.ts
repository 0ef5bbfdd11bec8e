import type { Role } from '../../../../domain/access/roles.ts';
import type { Scope } from '../../../platform/access/access.ts';

/** The roles the caller holds for this application: its institution's director, its district's or the city's official. */
export function rolesFor(scope: Scope, a: { institution_id: string; district_code: string }): Role[] {
  const roles = new Set<Role>(
    scope.grants.flatMap((g) => {
      if (g.role === 'institution_admin' && g.institutionId === a.institution_id) return ['institution_admin' as const];
      if (g.role === 'district_official' && g.divisionCode && a.district_code.startsWith(g.divisionCode.slice(0, 6)))
        return ['district_official' as const];
      if (g.role === 'city_official') return ['city_official' as const];
      return [];
    }),
  );
  return [...roles];
}
