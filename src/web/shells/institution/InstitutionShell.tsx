import { lazy } from 'react';
import { RoleShell } from '../../components/RoleShell';

const pages = {
  home: lazy(() => import('./InstitutionHome')),
  institution: lazy(() => import('../../features/institutions/DirectorArea')),
  children: lazy(() => import('../../features/children/ChildrenArea')),
  applications: lazy(() => import('../../features/enrollment/ApplicationsBoard')),
  attendance: lazy(() => import('../../features/enrollment/AttendancePage')),
  statements: lazy(() => import('../../features/subsidies/vouchers/StatementsPage')),
  subsidyApplications: lazy(() => import('../../features/subsidies/applications/DirectorSubsidiesPage')),
  alerts: lazy(() => import('../../features/health/AlertsPage')),
  courses: lazy(() => import('../../features/guidance/courses/CourseStaffArea')),
  trainings: lazy(() => import('../../features/guidance/trainings/TrainingsArea')),
  inspections: lazy(() => import('../../features/supervision/InspectionsArea')),
  divisions: lazy(() => import('../../features/geography/DivisionsPage')),
};

/** Institution directors and caregivers, limited to their own institution. */
export default function InstitutionShell() {
  return <RoleShell base="/institution" roles={['institution_admin', 'caregiver']} pages={pages} />;
}
