import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { InboxPage } from './InboxPage';
import { KpiFormPage, ProjectFormPage } from './ItemFormPage';
import { WorkbookPage } from './WorkbookPage';

/** Section staff, under /cycles/:fiscalYear/. */
export default function SectionRoutes() {
  return (
    <Routes>
      <Route path="inbox" element={<InboxPage />} />
      <Route path="projects/:itemId" element={<ProjectFormPage />} />
      <Route path="kpis/:itemId" element={<KpiFormPage />} />
      <Route path="workbook" element={<WorkbookPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
