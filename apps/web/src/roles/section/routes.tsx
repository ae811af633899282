import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { InboxPage } from './InboxPage';
import { WorkbookPage } from './WorkbookPage';

// The inbox is the first screen of a reminder's link: the form's code loads when a form is opened.
const ProjectFormPage = lazy(() => import('./ItemFormPage').then((m) => ({ default: m.ProjectFormPage })));
const KpiFormPage = lazy(() => import('./ItemFormPage').then((m) => ({ default: m.KpiFormPage })));

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
