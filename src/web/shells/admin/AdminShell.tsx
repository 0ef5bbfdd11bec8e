import { lazy } from 'react';
import { RoleShell } from '../../components/RoleShell';

const pages = {
  home: lazy(() => import('./AdminHome')),
  divisions: lazy(() => import('../../features/geography/DivisionsPage')),
  accounts: lazy(() => import('../../features/platform/accounts/AccountsPage')),
  account: lazy(() => import('../../features/platform/AccountPage')),
  audit: lazy(() => import('../../features/platform/AuditPage')),
  deletionRequests: lazy(() => import('../../features/privacy/DeletionRequestsPage')),
  messages: lazy(() => import('../../features/platform/messages/FailedMessagesPage')),
  calendar: lazy(() => import('../../features/platform/calendar/CalendarPage')),
};

/** System administrators. */
export default function AdminShell() {
  return <RoleShell base="/admin" roles={['admin']} pages={pages} />;
}
