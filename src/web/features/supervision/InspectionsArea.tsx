import { Route, Routes } from 'react-router';
import type { RolePageProps } from '../../components/RoleShell';
import CityInspections from './CityInspections';
import DirectorInspections from './DirectorInspections';
import DistrictInspections from './DistrictInspections';
import InspectionPage from './InspectionPage';

/** Inspections: the district plans, draws and records; the city watches every district; the director sees results and rectifies. */
export default function InspectionsArea({ grant, base }: RolePageProps) {
  const code = grant.divisionCode ?? '';
  const index =
    grant.role === 'district_official' ? (
      <DistrictInspections code={code} base={base} />
    ) : grant.role === 'city_official' ? (
      <CityInspections code={code} base={base} />
    ) : (
      <DirectorInspections base={base} />
    );
  return (
    <Routes>
      <Route index element={index} />
      <Route path=":inspectionId" element={<InspectionPage />} />
    </Routes>
  );
}
