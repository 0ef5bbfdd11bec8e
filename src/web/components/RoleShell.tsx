import { Typography } from 'antd';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Me, Role, RoleGrant } from '../features/platform/api';
import { NotificationBell } from '../features/platform/NotificationBell';
import { useMe } from '../features/platform/queries';
import { activeGrant } from '../features/platform/roles';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';
import { AREA_LABEL_KEY, AREA_PATH, type Area, areaHref, areasOf, NESTED_AREAS, WITHIN_HOME } from './navigation';
import { LoadError, PageLoading } from './PageStatus';
import { RoleSwitcher } from './RoleSwitcher';
import { SignOutButton } from './SignOutButton';

export type RolePageProps = { me: Me; grant: RoleGrant; base: string };
type Page = LazyExoticComponent<ComponentType<RolePageProps>>;

/** Every signed-in workspace has the notification list, reached from the header's bell. */
const NOTIFICATIONS_PATH = 'notifications';
const NotificationsPage = lazy(() => import('../features/platform/NotificationsPage'));
const Forbidden = lazy(() => import('./Forbidden'));

type Props = {
  /** The shell's base path, e.g. "/official". */
  base: string;
  /** The roles this shell serves. */
  roles: readonly Role[];
  /** The pages this shell can show; only those the active role's areas include are mounted. */
  pages: Partial<Record<Area, Page>>;
};

function areaOf(pathname: string, base: string): Area {
  const rest = pathname.slice(base.length).replace(/^\/+/, '').split('/')[0] ?? '';
  const found = (Object.keys(AREA_PATH) as Area[]).find((area) => AREA_PATH[area] === rest);
  return found && !WITHIN_HOME.has(found) ? found : 'home';
}

/** Guard + frame for a signed-in audience: sends strangers to /login and shows only the role's areas. */
export function RoleShell({ base, roles, pages }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <PageLoading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  // With its query: an application started from the finder comes back with its institution picked.
  if (!me.data) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;

  const grant = activeGrant(me.data, roles);
  if (!grant) {
    return (
      <AppLayout brandHref="/" nav={[]} actions={<SignOutButton />}>
        <Suspense fallback={<PageLoading />}>
          <Forbidden me={me.data} />
        </Suspense>
      </AppLayout>
    );
  }

  const areas = areasOf(grant).filter((area) => pages[area]);
  const nav = areas
    .filter((area) => !WITHIN_HOME.has(area))
    .map((area) => ({ key: area, label: t(AREA_LABEL_KEY[area]), href: areaHref(base, area) }));
  const props: RolePageProps = { me: me.data, grant, base };

  return (
    <AppLayout
      brandHref={base}
      nav={nav}
      selectedKey={areaOf(location.pathname, base)}
      status={<NotificationBell href={`${base}/${NOTIFICATIONS_PATH}`} />}
      actions={
        <>
          <Typography.Text style={{ whiteSpace: 'nowrap' }} data-testid="signed-in-name">
            {me.data.name}
          </Typography.Text>
          <RoleSwitcher me={me.data} active={grant} />
          <SignOutButton />
        </>
      }
    >
      <Suspense fallback={<PageLoading />}>
        <Routes>
          {areas.map((area) => {
            const Page = pages[area] as Page;
            return area === 'home' ? (
              <Route key={area} index element={<Page {...props} />} />
            ) : (
              <Route key={area} path={NESTED_AREAS.has(area) ? `${AREA_PATH[area]}/*` : AREA_PATH[area]} element={<Page {...props} />} />
            );
          })}
          <Route path={NOTIFICATIONS_PATH} element={<NotificationsPage />} />
          <Route path="*" element={<NotFound homeHref={base} />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
