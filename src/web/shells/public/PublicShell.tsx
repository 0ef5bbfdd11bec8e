import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { AppLayout } from '../../components/AppLayout';
import { NotFound } from '../../components/NotFound';
import { PageLoading } from '../../components/PageStatus';
import { useMe } from '../../features/platform/queries';
import { ROLE_HOME } from '../../features/platform/roles';

const PublicHome = lazy(() => import('./PublicHome'));
const SearchPage = lazy(() => import('../../features/institutions/SearchPage'));
const InstitutionPage = lazy(() => import('../../features/institutions/InstitutionPage'));
const LoginPage = lazy(() => import('../../features/platform/LoginPage'));
const SignUpPage = lazy(() => import('../../features/platform/SignUpPage'));
const ForgotPasswordPage = lazy(() => import('../../features/platform/ForgotPasswordPage'));
const DivisionsPage = lazy(() => import('../../features/geography/DivisionsPage'));
const GrowthCalculatorPage = lazy(() => import('../../features/health/GrowthCalculatorPage'));
const HealthChecksPage = lazy(() => import('../../features/health/HealthChecksPage'));
const PublicIndicatorsPage = lazy(() => import('../../features/oversight/PublicIndicatorsPage'));
const StartInstitutionPage = lazy(() => import('../../features/institutions/start/StartInstitutionPage'));
const InvitationsPage = lazy(() => import('../../features/institutions/invitations/InvitationsPage'));
const ComplainPage = lazy(() => import('../../features/supervision/complaints/ComplainPage'));
const PublicArticlesPage = lazy(() => import('../../features/guidance/articles/PublicArticlesPage'));
const PublicArticlePage = lazy(() => import('../../features/guidance/articles/PublicArticlePage'));
const CourseCataloguePage = lazy(() => import('../../features/guidance/courses/CourseCataloguePage'));
const CoursePage = lazy(() => import('../../features/guidance/courses/CoursePage'));
const VerifyCertificatePage = lazy(() => import('../../features/subsidies/applications/VerifyCertificatePage'));
const VerifyTrainingCertificatePage = lazy(() => import('../../features/guidance/trainings/VerifyTrainingCertificatePage'));

/**
 * Pages anyone may open without signing in: home, sign-in, sign-up, a forgotten password, finding care, the growth calculator,
 * health checks, the guidance center's courses, divisions, the public indicators, the published articles, and the check of a utility-price certificate by its code.
 * Starting an institution and one's invitations are here too, for anyone signed in whatever their roles (they ask to sign in first).
 */
export default function PublicShell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  const firstRole = me.data?.roles[0]?.role;

  const nav = [
    { key: '/', label: t('nav.home'), href: '/' },
    { key: '/search', label: t('search.nav'), href: '/search' },
    { key: '/courses', label: t('courses.nav'), href: '/courses' },
    { key: '/growth', label: t('nav.growth'), href: '/growth' },
    { key: '/health-checks', label: t('nav.healthChecks'), href: '/health-checks' },
    { key: '/divisions', label: t('nav.divisions'), href: '/divisions' },
    { key: '/indicators', label: t('oversight.nav'), href: '/indicators' },
    { key: '/articles', label: t('articles.nav'), href: '/articles' },
    firstRole
      ? { key: 'workspace', label: t('nav.workspace'), href: ROLE_HOME[firstRole] }
      : { key: '/login', label: t('nav.login'), href: '/login' },
  ];

  return (
    <AppLayout brandHref="/" nav={nav} selectedKey={pathname}>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<PublicHome />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="signup" element={<SignUpPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="institutions/:id" element={<InstitutionPage />} />
          <Route path="institutions/:id/complain" element={<ComplainPage />} />
          <Route path="courses" element={<CourseCataloguePage />} />
          <Route path="courses/:id" element={<CoursePage />} />
          <Route path="growth" element={<GrowthCalculatorPage />} />
          <Route path="health-checks" element={<HealthChecksPage />} />
          <Route path="divisions" element={<DivisionsPage />} />
          <Route path="indicators" element={<PublicIndicatorsPage />} />
          <Route path="start-institution" element={<StartInstitutionPage />} />
          <Route path="invitations" element={<InvitationsPage />} />
          <Route path="verify/utility-certificates/:code?" element={<VerifyCertificatePage />} />
          <Route path="verify/training-certificates" element={<VerifyTrainingCertificatePage />} />
          <Route path="articles" element={<PublicArticlesPage />} />
          <Route path="articles/:slug" element={<PublicArticlePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
