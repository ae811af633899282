import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useUser } from '../../api/session';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { dateLabel, dateTimeLabel, daysUntil, fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { useCycles } from '../../shell/cycles';
import { ClosedPanel } from './ClosedPanel';
import { ClosingPanel } from './ClosingPanel';
import { CycleStatusBadge } from './CycleStatusBadge';
import { DeadlineForm } from './DeadlineForm';
import { ExcludedList } from './ExcludedList';
import { useCycleItems, useCycleView, useLedger, useOfficeCatalogue } from './office-api';
import { ProgressPanel } from './ProgressPanel';
import { PublishedPanel } from './PublishedPanel';
import { ReminderPanel } from './ReminderPanel';
import { ReminderPolicyForm } from './ReminderPolicyForm';
import { ReportLinks } from './ReportLinks';
import { sectionProgress } from './section-progress';
import { schemeName } from '../../items/scheme-names';

/** Words for the days left: "あと3日", "本日締切", "5日超過". */
function daysText(days: number, t: ReturnType<typeof useLanguage>['t']) {
  if (days > 0) return t('office.cycle.daysLeft', { days });
  if (days === 0) return t('office.cycle.dueToday');
  return t('office.cycle.daysOver', { days: -days });
}

/** /office/cycles/:fy — one fiscal year: where it stands, its settings, reminders, closing and publication. */
export function CyclePage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const fiscalYear = Number(useParams().fiscalYear);
  const valid = Number.isInteger(fiscalYear) && fiscalYear > 1900;
  const cycle = useCycleView(user.wardId, valid ? fiscalYear : 0);
  const items = useCycleItems(user.wardId, valid ? fiscalYear : 0);
  const ledger = useLedger(user.wardId, valid ? fiscalYear : 0);
  const catalogue = useOfficeCatalogue(user.wardId);
  const cycles = useCycles();
  const refresh = useCallback(() => {
    cycle.reload();
    items.reload();
    ledger.reload();
    cycles.reload();
  }, [cycle.reload, items.reload, ledger.reload, cycles.reload]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!valid) return <NotFoundPage />;
  const title = t('office.cycle.title', { year: fiscalYearLabel(fiscalYear, language) });
  if (cycle.status === 'error' && cycle.error.status === 404) {
    return (
      <section>
        <PageHeading title={title}>{title}</PageHeading>
        <Alert tone="info" title={t('office.cycle.notOpened')}>
          <p>
            <Link to="/office/cycles">{t('office.cycle.openFromList')}</Link>
          </p>
        </Alert>
      </section>
    );
  }
  const view = cycle.data;
  const days = view ? daysUntil(view.deadline) : undefined;
  const progress = sectionProgress(items.data ?? [], catalogue.data);
  return (
    <section className="flex flex-col gap-10">
      <div>
        <p className="mb-2">
          <Link to="/office/cycles">{t('office.cycle.back')}</Link>
        </p>
        <PageHeading title={title}>{title}</PageHeading>
        {cycle.status === 'error' && <QueryError error={cycle.error} onRetry={cycle.reload} />}
        {!view && cycle.status === 'loading' && <Loading />}
        {view && (
          <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 rounded-12 border border-solid-gray-420 p-4 text-std-16N-170 sm:grid-cols-[auto_1fr]">
            <dt className="font-bold">{t('office.cycle.status')}</dt>
            <dd>
              <CycleStatusBadge status={view.status} />
            </dd>
            <dt className="font-bold">{t('office.cycle.scheme')}</dt>
            <dd>{schemeName(view.scheme, language)}</dd>
            <dt className="font-bold">{t('common.deadline')}</dt>
            <dd>
              {dateLabel(view.deadline, language)}
              {view.status === 'open' && days !== undefined && <strong className="ml-2">{daysText(days, t)}</strong>}
            </dd>
            {view.openedAt && (
              <>
                <dt className="font-bold">{t('office.cycle.openedAt')}</dt>
                <dd>{dateTimeLabel(view.openedAt, language)}</dd>
              </>
            )}
            <dt className="font-bold">{t('office.cycle.scope')}</dt>
            <dd>
              {t('office.cycle.scopeCounts', {
                projects: view.scope.projectIds.length,
                kpis: view.scope.kpiIds.length,
              })}
              {view.excluded && view.excluded.length > 0 && (
                <> {t('office.cycle.excludedCount', { count: view.excluded.length })}</>
              )}
            </dd>
          </dl>
        )}
        {view?.excluded && view.excluded.length > 0 && (
          <ExcludedList excluded={view.excluded} catalogue={catalogue.data} />
        )}
        {view && (
          <nav aria-label={t('office.cycle.contents')} className="mt-4">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-std-16N-170">
              <li>
                <a href="#progress">{t('office.progress.title')}</a>
              </li>
              <li>
                <a href="#reminders">{t('office.reminders.title')}</a>
              </li>
              {view.status === 'open' && (
                <li>
                  <a href="#closing">{t('office.closing.title')}</a>
                </li>
              )}
              {view.status === 'open' && (
                <li>
                  <a href="#deadline">{t('office.deadline.title')}</a>
                </li>
              )}
              {view.status === 'open' && (
                <li>
                  <a href="#policy">{t('office.policy.title')}</a>
                </li>
              )}
              {view.status === 'closed' && (
                <li>
                  <a href="#publish">{t('office.publish.title')}</a>
                </li>
              )}
              {view.status === 'published' && (
                <li>
                  <a href="#correct">{t('office.correct.title')}</a>
                </li>
              )}
              <li>
                <a href="#report">
                  {t(view.status === 'published' ? 'office.report.titlePublished' : 'office.report.title')}
                </a>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {items.status === 'error' && <QueryError error={items.error} onRetry={items.reload} />}
      {items.data && <ProgressPanel rows={progress} daysLeft={view?.status === 'open' ? days : undefined} />}
      {view && (
        <ReminderPanel
          wardId={user.wardId}
          fiscalYear={fiscalYear}
          isOpen={view.status === 'open'}
          progress={progress}
          ledger={{
            status: ledger.status,
            data: ledger.data,
            error: ledger.status === 'error' ? ledger.error : undefined,
            reload: ledger.reload,
          }}
          onSent={ledger.reload}
        />
      )}
      {/* What the office does most comes first: closing, then the settings it changes now and then. */}
      {view?.status === 'open' && (
        <>
          <ClosingPanel wardId={user.wardId} fiscalYear={fiscalYear} catalogue={catalogue.data} onChanged={refresh} />
          <DeadlineForm wardId={user.wardId} fiscalYear={fiscalYear} deadline={view.deadline} onChanged={refresh} />
          <ReminderPolicyForm
            wardId={user.wardId}
            fiscalYear={fiscalYear}
            policy={view.reminderPolicy}
            onChanged={refresh}
          />
        </>
      )}
      {view?.status === 'closed' && (
        <ClosedPanel
          wardId={user.wardId}
          fiscalYear={fiscalYear}
          items={items.data ?? []}
          catalogue={catalogue.data}
          onChanged={refresh}
        />
      )}
      {view?.status === 'published' && (
        <PublishedPanel
          wardId={user.wardId}
          fiscalYear={fiscalYear}
          publications={view.publications ?? []}
          onChanged={refresh}
        />
      )}
      {view && (
        <ReportLinks
          wardId={user.wardId}
          fiscalYear={fiscalYear}
          published={view.status === 'published'}
          recount={view.scheme === 'nerima'}
        />
      )}
    </section>
  );
}
