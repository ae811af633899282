import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { ReportListPage } from './ReportListPage';
import { ReportPage } from './ReportPage';
import { addRoleMessages } from '../../i18n/role-messages';
import { publicEn, publicJa } from './messages';

// Before any of this role's screens renders (see role-messages.ts).
addRoleMessages(publicJa, publicEn);

/** The public screens, no sign-in, under /reports/. */
export default function PublicRoutes() {
  return (
    <Routes>
      <Route path=":ward" element={<ReportListPage />} />
      <Route path=":ward/:fy" element={<ReportPage />} />
      <Route path=":ward/:fy/versions/:version" element={<ReportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
