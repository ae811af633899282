import { Route, Routes } from 'react-router';
import { PendingScreen } from '../../components/PendingScreen';
import { NotFoundPage } from '../../pages/NotFoundPage';

export default function SectionRoutes() {
  return (
    <Routes>
      <Route path="inbox" element={<PendingScreen title="inbox" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
