import { lazy } from 'react';
import { RoleShell } from '../../components/RoleShell';

const pages = {
  home: lazy(() => import('./InstitutionHome')),
  divisions: lazy(() => import('../../features/geography/DivisionsPage')),
};

/** Institution directors and caregivers, limited to their own institution. */
export default function InstitutionShell() {
  return <RoleShell base="/institution" roles={['institution_admin', 'caregiver']} pages={pages} />;
}
