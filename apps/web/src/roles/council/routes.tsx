import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { CouncilQueuePage } from './CouncilQueuePage';
import { KpiReviewPage, ProjectReviewPage } from './ReviewPage';

/** Council members, under /cycles/:fiscalYear/council. */
export default function CouncilRoutes() {
  return (
    <Routes>
      <Route index element={<CouncilQueuePage />} />
      <Route path="projects/:itemId" element={<ProjectReviewPage />} />
      <Route path="kpis/:itemId" element={<KpiReviewPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
