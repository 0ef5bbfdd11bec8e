import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../components/NotFound';
import type { RolePageProps } from '../../components/RoleShell';
import { MyChildrenPage } from './MyChildrenPage';

// A parent's list comes with the area; the staff's list and a child's record (forms, tables)
// only when opened.
const InstitutionChildrenPage = lazy(() => import('./InstitutionChildrenPage').then((m) => ({ default: m.InstitutionChildrenPage })));
const ChildRecordPage = lazy(() => import('./ChildRecordPage').then((m) => ({ default: m.ChildRecordPage })));
const ChildGrowthPage = lazy(() => import('../health/ChildGrowthPage'));
const ChildStatementsPage = lazy(() => import('../enrollment/ChildStatementsPage'));

/**
 * The children area of a workspace: a guardian's own children, or the children holding a place
 * at the institution for its staff, and each child's growth record under `:childId/growth`.
 * A guardian also opens the child's record (place, pick-up persons, days, incidents, who read it)
 * at `:childId` and the monthly statements at `:childId/statements`; staff manage places from the
 * list itself.
 */
export default function ChildrenArea(props: RolePageProps) {
  const parent = props.grant.role === 'parent';
  return (
    <Routes>
      <Route index element={parent ? <MyChildrenPage {...props} /> : <InstitutionChildrenPage {...props} />} />
      {parent && <Route path=":childId" element={<ChildRecordPage {...props} />} />}
      {parent && <Route path=":childId/statements" element={<ChildStatementsPage {...props} />} />}
      <Route path=":childId/growth" element={<ChildGrowthPage {...props} />} />
      <Route path="*" element={<NotFound homeHref={props.base} />} />
    </Routes>
  );
}
