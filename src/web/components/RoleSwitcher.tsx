import { lazy, Suspense } from 'react';
import type { Me, RoleGrant } from '../features/platform/api';

// antd's Select is a big piece of code that most people, with one role, never need.
const RoleSelect = lazy(() => import('./RoleSelect'));

/** Shown only to users with several roles (a director who is also a parent, say). */
export function RoleSwitcher({ me, active }: { me: Me; active: RoleGrant }) {
  if (me.roles.length < 2) return null;
  return (
    <Suspense fallback={null}>
      <RoleSelect me={me} active={active} />
    </Suspense>
  );
}
