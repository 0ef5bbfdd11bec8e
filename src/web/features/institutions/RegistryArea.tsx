import { Route, Routes } from 'react-router';
import type { RolePageProps } from '../../components/RoleShell';
import { RecordPage } from './registry/RecordPage';
import { RegistryListPage } from './registry/RegistryListPage';

/** The officials' registry of institutions in their division: the list and one institution's record. */
export default function RegistryArea(props: RolePageProps) {
  return (
    <Routes>
      <Route index element={<RegistryListPage {...props} />} />
      <Route path=":institutionId" element={<RecordPage {...props} />} />
    </Routes>
  );
}
