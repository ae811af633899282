import { Route, Routes } from 'react-router';
import { PendingScreen } from '../../components/PendingScreen';
import { NotFoundPage } from '../../pages/NotFoundPage';

/** The public screens (see apps/web/README.md); each route of the contract is listed here. */
export default function PublicRoutes() {
  return (
    <Routes>
      <Route path="*" element={<PendingScreen title="public" />} />
      <Route path="__none" element={<NotFoundPage />} />
    </Routes>
  );
}
