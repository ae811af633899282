import { Route, Routes } from 'react-router';
import { PendingScreen } from '../../components/PendingScreen';
import { NotFoundPage } from '../../pages/NotFoundPage';

export default function CouncilRoutes() {
  return (
    <Routes>
      <Route index element={<PendingScreen title="council" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
