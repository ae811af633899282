import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUser } from '../../../api/session';
import type { CycleListEntry } from '../../../api/types';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { NativeSelect } from '../../../components/NativeSelect';
import { PageHeading } from '../../../components/PageHeading';
import { QueryError } from '../../../components/QueryError';
import { fiscalYearLabel } from '../../../format/dates';
import { useLanguage } from '../../../i18n/language';
import { useCycles } from '../../../shell/cycles';
import { SideBySide, useYearRules } from './reprojection-api';
import { RevisionForm } from './RevisionForm';
import { SideBySideTables } from './SideBySideTables';

/** Years whose ratings have B reasons to revise (the Nerima scheme); a published one first by default. */
const recountable = (cycles: CycleListEntry[] | undefined) => (cycles ?? []).filter((c) => c.scheme === 'nerima');

/**
 * /office/reprojection[?year=2022] — a past year counted under revised rules beside its own
 * (POST …/report/reprojections): nothing is stored, the published versions stay as published.
 */
export function ReprojectionPage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const cycles = useCycles();
  const [params, setParams] = useSearchParams();
  const years = recountable(cycles.data);
  const asked = Number(params.get('year'));
  const fiscalYear =
    years.find((c) => c.fiscalYear === asked)?.fiscalYear ??
    (years.find((c) => c.status === 'published') ?? years[0])?.fiscalYear;
  const year = useYearRules(user.wardId, fiscalYear);
  const [side, setSide] = useState<SideBySide>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (side) heading.current?.focus();
  }, [side]);

  const title = t('office.reproj.title');
  return (
    <section className="flex flex-col gap-8">
      <PageHeading title={title} lead={t('office.reproj.lead')}>
        {title}
      </PageHeading>
      {cycles.status === 'loading' && <Loading />}
      {cycles.status === 'error' && <QueryError error={cycles.error} onRetry={cycles.reload} />}
      {cycles.status === 'ready' && years.length === 0 && <Alert tone="info" title={t('office.reproj.noYears')} />}
      {fiscalYear && (
        <NativeSelect
          label={t('office.reproj.year')}
          className="max-w-md"
          value={String(fiscalYear)}
          onChange={(value) => setParams({ year: value }, { replace: true })}
          options={years.map((c) => ({
            id: String(c.fiscalYear),
            label: t('office.reproj.yearOption', {
              year: fiscalYearLabel(c.fiscalYear, language),
              status: t(`home.cycleStatus.${c.status}`),
            }),
          }))}
        />
      )}
      {year.status === 'loading' && fiscalYear && <Loading />}
      {year.status === 'error' && <QueryError error={year.error} onRetry={year.reload} />}
      {year.status === 'ready' && year.data.fiscalYear === fiscalYear && (
        <RevisionForm key={fiscalYear} wardId={user.wardId} year={year.data} onResult={setSide} />
      )}
      {side?.fiscalYear === fiscalYear && year.data && (
        <SideBySideTables ref={heading} side={side} published={year.data.published} />
      )}
    </section>
  );
}
