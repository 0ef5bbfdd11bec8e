import { lazy, Suspense } from 'react';
import { LoadError } from '../../../components/PageStatus';
import { useMyInvitations } from './queries';

// The list (antd's List, with its pagination and select) loads only when there is something to show.
const MyInvitationsList = lazy(() => import('./MyInvitationsList'));

/**
 * An institution invited this person's number; accepting opens its workspace. On a signed-in home
 * it shows only when there is one; on the invitations page (`standalone`) also to say there is none.
 */
export function MyInvitationsCard({ standalone = false }: { standalone?: boolean }) {
  const mine = useMyInvitations();
  const items = mine.data?.items ?? [];
  if (items.length === 0 && !standalone) return null;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  return (
    <Suspense fallback={null}>
      <MyInvitationsList items={items} loading={mine.isPending} />
    </Suspense>
  );
}
