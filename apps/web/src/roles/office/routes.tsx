import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { CataloguePage } from './CataloguePage';
import { CyclePage } from './CyclePage';
import { CyclesPage } from './CyclesPage';
import { ImportsPage } from './ImportsPage';
import { ReprojectionPage } from './reprojection/ReprojectionPage';
import { addRoleMessages } from '../../i18n/role-messages';
import { officeEn, officeJa } from './messages';

// Before any of this role's screens renders (see role-messages.ts).
addRoleMessages(officeJa, officeEn);

/** The planning office's screens (under /office/, see apps/web/README.md). */
export default function OfficeRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="cycles" replace />} />
      <Route path="catalogue" element={<CataloguePage />} />
      <Route path="imports" element={<ImportsPage />} />
      <Route path="cycles" element={<CyclesPage />} />
      <Route path="cycles/:fiscalYear" element={<CyclePage />} />
      <Route path="reprojection" element={<ReprojectionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
