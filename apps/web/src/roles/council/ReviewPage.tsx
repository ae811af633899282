import { Link, useNavigate, useParams } from 'react-router';
import { useUser } from '../../api/session';
import type { ItemView } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { ratingLetter, StatusBadge } from '../../components/StatusBadge';
import { fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { useCatalogue, useCycle } from '../../items/catalogue';
import { HistoryList } from '../../items/HistoryList';
import { ItemFacts } from '../../items/ItemFacts';
import { useHistory, useItem, useYears } from '../../items/use-item';
import { AnswerView } from '../section/AnswerView';
import { useFiscalYear } from '../section/use-fiscal-year';
import { KpiEvidence } from './KpiEvidence';
import { ReviewForm } from './ReviewForm';

/** One item for the council: the section's rating and evidence, its history, and the decision. */
export function ReviewPage({ kind }: { kind: ItemView['kind'] }) {
  const { t, language } = useLanguage();
  const user = useUser();
  const fy = useFiscalYear();
  const navigate = useNavigate();
  const itemId = useParams().itemId ?? '';
  const item = useItem(user.wardId, fy, kind, itemId);
  const cycle = useCycle(user.wardId, fy);
  const catalogue = useCatalogue(user.wardId);
  const years = useYears(user.wardId, kind, itemId);
  const history = useHistory(user.wardId, fy, kind, itemId, item.data?.view.revision ?? -2);

  if (item.status === 'error' && !item.data) return <QueryError error={item.error} onRetry={item.reload} />;
  if (cycle.status === 'error' && !cycle.data) return <QueryError error={cycle.error} onRetry={cycle.reload} />;
  if (catalogue.status === 'error' && !catalogue.data)
    return <QueryError error={catalogue.error} onRetry={catalogue.reload} />;
  // The facts name the section, the plan and the target from the catalogue: wait for it rather than show raw ids.
  if (!item.data || !cycle.data || !catalogue.data) return <Loading />;
  const view = item.data.view;
  const reviewable = cycle.data.status === 'open' && (view.status === 'submitted' || view.status === 'approved');
  return (
    <article className="flex flex-col gap-6">
      <div>
        <p className="mb-2 text-dns-16N-130">
          <Link to={`/cycles/${fy}/council`}>{t('review.backToQueue')}</Link>
        </p>
        <PageHeading
          title={view.name}
          lead={
            <span className="flex flex-wrap items-center gap-2">
              {t(`kind.${kind}`)} · {fiscalYearLabel(fy, language)}{' '}
              <StatusBadge status={view.status} late={view.late} />
            </span>
          }
        >
          {view.name}
        </PageHeading>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 lg:col-start-2 lg:row-start-1">
          <ItemFacts item={view} catalogue={catalogue.data} fiscalYear={fy} years={years.data} />
        </div>
        <div className="flex min-w-0 flex-col gap-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <section
            aria-labelledby="evidence"
            className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 p-4"
          >
            <h2 id="evidence" className="text-std-20B-150">
              {t('review.evidence')}
            </h2>
            <AnswerView view={view} rating={view.sectionRating} bReasons={cycle.data.bReasons} />
            {kind === 'kpi' && <KpiEvidence view={view} catalogue={catalogue.data} />}
            {view.councilRating && (
              <p>
                {t('review.councilRating')}: {ratingLetter(view.councilRating)}
              </p>
            )}
          </section>
          {reviewable ? (
            <ReviewForm
              key={`${view.revision}`}
              view={view}
              etag={item.data.etag}
              cycle={cycle.data}
              wardId={user.wardId}
              fy={fy}
              notSuited={Boolean(catalogue.data?.projects[itemId]?.notSuitedForShortTermEvaluation)}
              onDone={(notice) => navigate(`/cycles/${fy}/council`, { state: { notice } })}
              onStale={item.reload}
            />
          ) : (
            <Alert tone="info" title={t('review.notReviewable')} />
          )}
        </div>
        <div className="min-w-0 lg:col-start-2 lg:row-start-2">
          <section aria-labelledby="history" className="rounded-12 border border-solid-gray-420 p-4">
            <h2 id="history" className="mb-3 text-std-18B-160">
              {t('history.title')}
            </h2>
            {history.data ? <HistoryList history={history.data} /> : <Loading />}
          </section>
        </div>
      </div>
    </article>
  );
}

export const ProjectReviewPage = () => <ReviewPage kind="project" />;
export const KpiReviewPage = () => <ReviewPage kind="kpi" />;
