import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { RoleGrant } from './api';
import { refreshMe } from './queries';
import { ROLE_HOME, rememberActiveGrant } from './roles';

/**
 * After a role is gained (an institution started, an invitation accepted): the roles are read
 * again from the server, the new grant becomes the one acted in, and its shell opens at `area`.
 */
export function useEnterGrant() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (isNew: (grant: RoleGrant) => boolean, area = '') => {
    const me = await refreshMe(client);
    const grant = me?.roles.find(isNew);
    if (!grant) return;
    rememberActiveGrant(grant);
    navigate(area ? `${ROLE_HOME[grant.role]}/${area}` : ROLE_HOME[grant.role]);
  };
}
