import { lazy } from 'react';
import { RoleShell } from '../../components/RoleShell';

const pages = {
  home: lazy(() => import('./FamilyHome')),
  children: lazy(() => import('../../features/children/ChildrenArea')),
  applications: lazy(() => import('../../features/enrollment/FamilyEnrollmentPage')),
  vouchers: lazy(() => import('../../features/subsidies/vouchers/FamilyVouchersPage')),
  benefits: lazy(() => import('../../features/subsidies/family/BenefitsPage')),
  growth: lazy(() => import('../../features/health/GrowthCalculatorPage')),
  healthChecks: lazy(() => import('../../features/health/HealthChecksPage')),
  divisions: lazy(() => import('../../features/geography/DivisionsPage')),
  myData: lazy(() => import('../../features/privacy/MyDataPage')),
  complaints: lazy(() => import('../../features/supervision/complaints/MyComplaintsPage')),
  bookings: lazy(() => import('../../features/guidance/courses/MyBookingsPage')),
};

/** Parents and guardians: a phone-first workspace around their own children. */
export default function FamilyShell() {
  return <RoleShell base="/family" roles={['parent']} pages={pages} />;
}
