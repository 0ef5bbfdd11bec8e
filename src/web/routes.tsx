import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoading } from './components/PageStatus';

// One chunk per audience: a parent on a phone never downloads the official or admin screens.
const PublicShell = lazy(() => import('./shells/public/PublicShell'));
const FamilyShell = lazy(() => import('./shells/family/FamilyShell'));
const InstitutionShell = lazy(() => import('./shells/institution/InstitutionShell'));
const OfficialShell = lazy(() => import('./shells/official/OfficialShell'));
const AdminShell = lazy(() => import('./shells/admin/AdminShell'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/family/*" element={<FamilyShell />} />
        <Route path="/institution/*" element={<InstitutionShell />} />
        <Route path="/official/*" element={<OfficialShell />} />
        <Route path="/admin/*" element={<AdminShell />} />
        <Route path="/*" element={<PublicShell />} />
      </Routes>
    </Suspense>
  );
}
