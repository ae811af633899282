import { Route, Routes } from 'react-router';
import { PendingScreen } from '../../components/PendingScreen';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { InboxPage } from './InboxPage';
import { KpiFormPage, ProjectFormPage } from './ItemFormPage';

/** Section staff, under /cycles/:fiscalYear/. */
export default function SectionRoutes() {
  return (
    <Routes>
      <Route path="inbox" element={<InboxPage />} />
      <Route path="projects/:itemId" element={<ProjectFormPage />} />
      <Route path="kpis/:itemId" element={<KpiFormPage />} />
      <Route path="workbook" element={<PendingScreen title="Excel" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
