import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { CouncilQueuePage } from './CouncilQueuePage';

// The review form (rating rules, text areas) loads when an item is opened: the queue's first visit
// does not download it.
const ProjectReviewPage = lazy(() => import('./ReviewPage').then((module) => ({ default: module.ProjectReviewPage })));
const KpiReviewPage = lazy(() => import('./ReviewPage').then((module) => ({ default: module.KpiReviewPage })));

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
