import { lazy } from 'react';
import { RoleShell } from '../../components/RoleShell';

const pages = {
  home: lazy(() => import('./InstitutionHome')),
  institution: lazy(() => import('../../features/institutions/DirectorArea')),
  children: lazy(() => import('../../features/children/ChildrenArea')),
  applications: lazy(() => import('../../features/enrolment/ApplicationsBoard')),
  attendance: lazy(() => import('../../features/enrolment/AttendancePage')),
  statements: lazy(() => import('../../features/vouchers/StatementsPage')),
  subsidyApplications: lazy(() => import('../../features/subsidyApplications/DirectorSubsidiesPage')),
  alerts: lazy(() => import('../../features/health/AlertsPage')),
  divisions: lazy(() => import('../../features/geography/DivisionsPage')),
};

/** Institution directors and caregivers, limited to their own institution. */
export default function InstitutionShell() {
  return <RoleShell base="/institution" roles={['institution_admin', 'caregiver']} pages={pages} />;
}
