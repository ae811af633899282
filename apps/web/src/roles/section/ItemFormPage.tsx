import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useUser } from '../../api/session';
import type { ItemView } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import { fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { CycleDetail, useCatalogue, useCycle } from '../../items/catalogue';
import { HistoryList } from '../../items/HistoryList';
import { ItemFacts } from '../../items/ItemFacts';
import { latestReturnComments, useHistory, useItem, useYears } from '../../items/use-item';
import { AnswerView } from './AnswerView';
import { ItemFormFields } from './ItemFormFields';
import { ReturnComments } from './ReturnComments';
import { useFiscalYear } from './use-fiscal-year';
import { WithdrawAction } from './WithdrawAction';

/** One project or KPI of the section: the facts beside the form, the council's comments, the history. */
export function ItemFormPage({ kind }: { kind: ItemView['kind'] }) {
  const { t, language } = useLanguage();
  const user = useUser();
  const fy = useFiscalYear();
  const itemId = useParams().itemId ?? '';
  const item = useItem(user.wardId, fy, kind, itemId);
  const cycle = useCycle(user.wardId, fy);
  const catalogue = useCatalogue(user.wardId);
  const years = useYears(user.wardId, kind, itemId);
  const [generation, setGeneration] = useState(0);
  const history = useHistory(user.wardId, fy, kind, itemId, generation);
  const [notice, setNotice] = useState<string | null>(null);
  const [draftSaved, setDraftSaved] = useState(false);

  if (item.status === 'error' && !item.data) return <QueryError error={item.error} onRetry={item.reload} />;
  if (cycle.status === 'error' && !cycle.data) return <QueryError error={cycle.error} onRetry={cycle.reload} />;
  if (catalogue.status === 'error' && !catalogue.data)
    return <QueryError error={catalogue.error} onRetry={catalogue.reload} />;
  // The facts name the section, the plan and the target from the catalogue: wait for it rather than show raw ids.
  if (!item.data || !cycle.data || !catalogue.data) return <Loading />;

  const view = item.data.view;
  const returned = latestReturnComments(history.data);
  const reload = (message?: string) => {
    setNotice(message ?? null);
    setDraftSaved(false);
    item.reload();
    setGeneration((g) => g + 1);
  };
  return (
    <article className="flex flex-col gap-6">
      <div>
        <p className="mb-2 text-dns-16N-130">
          <Link to={`/cycles/${fy}/inbox`}>{t('form.backToInbox')}</Link>
        </p>
        <PageHeading
          title={view.name}
          lead={
            <span className="flex flex-wrap items-center gap-2">
              {t(`kind.${kind}`)} · {fiscalYearLabel(fy, language)}{' '}
              <StatusBadge
                status={
                  draftSaved && (view.status === 'not_started' || view.status === 'returned') ? 'draft' : view.status
                }
                late={view.overdue || view.late}
              />
            </span>
          }
        >
          {view.name}
        </PageHeading>
      </div>
      {notice && <Alert tone="success" title={notice} />}
      {returned && view.status !== 'submitted' && view.status !== 'approved' && <ReturnComments {...returned} />}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 lg:col-start-2 lg:row-start-1">
          <ItemFacts item={view} catalogue={catalogue.data} fiscalYear={fy} years={years.data} />
        </div>
        <div className="flex min-w-0 flex-col gap-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <Answer
            view={view}
            etag={item.data.etag}
            cycle={cycle.data}
            wardId={user.wardId}
            fy={fy}
            notSuited={Boolean(catalogue.data?.projects[itemId]?.notSuitedForShortTermEvaluation)}
            onChanged={reload}
            onDraftSaved={() => setDraftSaved(true)}
          />
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

function Answer({
  view,
  etag,
  cycle,
  wardId,
  fy,
  notSuited,
  onChanged,
  onDraftSaved,
}: {
  view: ItemView;
  etag?: string;
  cycle: CycleDetail;
  wardId: string;
  fy: number;
  notSuited: boolean;
  onChanged: (message?: string) => void;
  onDraftSaved: () => void;
}) {
  const { t } = useLanguage();
  const open = cycle.status === 'open';
  const editable = open && (view.status === 'not_started' || view.status === 'draft' || view.status === 'returned');
  if (editable)
    return (
      <ItemFormFields
        view={view}
        etag={etag}
        cycle={cycle}
        wardId={wardId}
        fy={fy}
        notSuitedForShortTermEvaluation={notSuited}
        onChanged={onChanged}
        onDraftSaved={onDraftSaved}
      />
    );
  return (
    <section aria-labelledby="answer" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 p-4">
      <h2 id="answer" className="text-std-20B-150">
        {t('form.yourAnswer')}
      </h2>
      {!open && <Alert tone="info" title={t('form.cycleNotOpen')} />}
      {view.status === 'submitted' && <p>{t('form.submittedLead')}</p>}
      {view.status === 'approved' && <p>{t('form.approvedLead')}</p>}
      <AnswerView view={view} bReasons={cycle.bReasons} />
      {open && view.status === 'submitted' && (
        <WithdrawAction view={view} etag={etag} cycle={cycle} wardId={wardId} fy={fy} onChanged={onChanged} />
      )}
    </section>
  );
}

export const ProjectFormPage = () => <ItemFormPage kind="project" />;
export const KpiFormPage = () => <ItemFormPage kind="kpi" />;
