import { lazy } from 'react';
import { RoleShell } from '../../components/RoleShell';

const pages = {
  home: lazy(() => import('./FamilyHome')),
  growth: lazy(() => import('../../features/health/GrowthCalculatorPage')),
  healthChecks: lazy(() => import('../../features/health/HealthChecksPage')),
  divisions: lazy(() => import('../../features/geography/DivisionsPage')),
};

/** Parents and guardians: a phone-first workspace around their own children. */
export default function FamilyShell() {
  return <RoleShell base="/family" roles={['parent']} pages={pages} />;
}
