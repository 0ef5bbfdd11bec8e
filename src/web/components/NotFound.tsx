import { lazy, Suspense } from 'react';

// antd's Result carries its 403/404/500 illustrations: only someone who hits a missing page loads them.
const NotFoundPage = lazy(() => import('./NotFoundPage'));

export function NotFound(props: { homeHref?: string }) {
  return (
    <Suspense fallback={null}>
      <NotFoundPage {...props} />
    </Suspense>
  );
}
