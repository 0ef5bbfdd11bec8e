import { lazy } from 'react';
import { RoleShell } from '../../components/RoleShell';

const pages = {
  home: lazy(() => import('./OfficialHome')),
  indicators: lazy(() => import('../../features/oversight/IndicatorsArea')),
  filings: lazy(() => import('../../features/institutions/FilingsArea')),
  registry: lazy(() => import('../../features/institutions/RegistryArea')),
  voucherPrograms: lazy(() => import('../../features/subsidies/vouchers/ProgramsArea')),
  subsidyApplications: lazy(() => import('../../features/subsidies/applications/ReviewArea')),
  alerts: lazy(() => import('../../features/health/AlertsPage')),
  complaints: lazy(() => import('../../features/supervision/complaints/ComplaintQueuePage')),
  courses: lazy(() => import('../../features/guidance/courses/CourseStaffArea')),
  trainings: lazy(() => import('../../features/guidance/trainings/TrainingsArea')),
  inspections: lazy(() => import('../../features/supervision/InspectionsArea')),
  divisions: lazy(() => import('../../features/geography/DivisionsPage')),
  articles: lazy(() => import('../../features/guidance/articles/ArticlesArea')),
  accounts: lazy(() => import('../../features/platform/accounts/AccountsPage')),
  account: lazy(() => import('../../features/platform/AccountPage')),
};

/** District health bureaus and the city health commission, each limited to its division. */
export default function OfficialShell() {
  return <RoleShell base="/official" roles={['district_official', 'city_official']} pages={pages} />;
}
