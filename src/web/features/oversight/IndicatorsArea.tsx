import { Navigate, Route, Routes, useParams } from 'react-router';
import type { RolePageProps } from '../../components/RoleShell';
import { DashboardPage } from './DashboardPage';

function DivisionDashboard({ grant, base }: RolePageProps) {
  const { code } = useParams();
  return <DashboardPage code={code as string} homeCode={grant.divisionCode ?? ''} base={base} />;
}

/** Drill-down below the official's own division: `indicators/:code`; the bare area is the home dashboard. */
export default function IndicatorsArea(props: RolePageProps) {
  return (
    <Routes>
      <Route index element={<Navigate to={props.base} replace />} />
      <Route path=":code" element={<DivisionDashboard {...props} />} />
    </Routes>
  );
}
