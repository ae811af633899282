import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { AsKnownPage } from './AsKnownPage';
import { AuditItemsPage } from './AuditItemsPage';
import { TimelinePage } from './TimelinePage';
import { VerificationPage } from './VerificationPage';
import { addRoleMessages } from '../../i18n/role-messages';
import { auditEn, auditJa } from './messages';
import { publicEn, publicJa } from '../public/messages';

// Before any of this role's screens renders (see role-messages.ts). The as-known-at page draws the
// public report's tables and downloads, so it needs the public strings too.
addRoleMessages(auditJa, auditEn);
addRoleMessages(publicJa, publicEn);

/** The audit screens, under /audit/ (auditors and the planning office). */
export default function AuditRoutes() {
  return (
    <Routes>
      <Route path="cycles/:fiscalYear" element={<AuditItemsPage />} />
      <Route path="cycles/:fiscalYear/projects/:itemId" element={<TimelinePage segment="projects" />} />
      <Route path="cycles/:fiscalYear/kpis/:itemId" element={<TimelinePage segment="kpis" />} />
      <Route path="cycles/:fiscalYear/as-known" element={<AsKnownPage />} />
      <Route path="verification" element={<VerificationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
