import { useMemo, useState } from 'react';
import { useUser } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { TextField } from '../../components/TextField';
import { useLanguage } from '../../i18n/language';
import { Link } from 'react-router';
import {
  CatalogueKpi,
  CatalogueSection,
  CatalogueView,
  measured,
  Placement,
  sectionName,
  useOfficeCatalogue,
} from './office-api';
import { withAside } from '../../format/parentheses';

interface PlacedProject {
  projectId: string;
  name: string;
  sectionId: string;
  placement: Placement;
  /** 再掲: listed again under another plan; rated once, under its home plan. */
  repost: boolean;
  retired: boolean;
  notSuited: boolean;
}

/** The projects placed in each plan, home placements first, in heading order. */
function placements(catalogue: CatalogueView): Map<string, PlacedProject[]> {
  const byPlan = new Map<string, PlacedProject[]>();
  const add = (entry: PlacedProject) =>
    byPlan.set(entry.placement.planId, [...(byPlan.get(entry.placement.planId) ?? []), entry]);
  for (const p of Object.values(catalogue.projects)) {
    const base = {
      projectId: p.projectId,
      name: p.name,
      sectionId: p.sectionId,
      retired: p.retired,
      notSuited: p.notSuitedForShortTermEvaluation,
    };
    add({ ...base, placement: p.home, repost: false });
    for (const placement of p.reposts ?? []) add({ ...base, placement, repost: true });
  }
  for (const list of byPlan.values())
    list.sort(
      (a, b) =>
        a.placement.sectionNo.localeCompare(b.placement.sectionNo, 'ja', { numeric: true }) ||
        Number(a.repost) - Number(b.repost),
    );
  return byPlan;
}

const matches = (query: string, ...texts: string[]) =>
  !query || texts.some((text) => text.toLowerCase().includes(query));

/** /office/catalogue: pillars → plans → projects (reposts marked 再掲) and KPIs; the sections. */
export function CataloguePage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const catalogue = useOfficeCatalogue(user.wardId);
  const [query, setQuery] = useState('');
  const byPlan = useMemo(
    () => (catalogue.data ? placements(catalogue.data) : new Map<string, PlacedProject[]>()),
    [catalogue.data],
  );
  const data = catalogue.data;
  const q = query.trim().toLowerCase();
  const counts = data && {
    projects: Object.keys(data.projects).length,
    kpis: Object.keys(data.kpis).length,
    plans: Object.keys(data.plans).length,
    sections: Object.keys(data.sections).length,
  };
  return (
    <section className="flex flex-col gap-6">
      <PageHeading title={t('office.catalogue.title')} lead={t('office.catalogue.lead')}>
        {t('office.catalogue.title')}
      </PageHeading>
      {catalogue.status === 'error' && <QueryError error={catalogue.error} onRetry={catalogue.reload} />}
      {!data && catalogue.status === 'loading' && <Loading />}
      {data && counts && (
        <>
          <p className="text-std-16N-170">
            {t('office.catalogue.counts', counts)} <Link to="/office/imports">{t('office.catalogue.toImports')}</Link>
          </p>
          <TextField
            label={t('office.catalogue.filter')}
            description={t('office.catalogue.filterHint')}
            value={query}
            onChange={setQuery}
            className="max-w-md"
            type="search"
          />
          {Object.values(data.pillars).map((pillar) => (
            <section
              key={pillar.pillarId}
              aria-labelledby={`pillar-${pillar.pillarId}`}
              className="flex flex-col gap-4"
            >
              <h2 id={`pillar-${pillar.pillarId}`} className="border-b-2 border-blue-900 pb-1 text-std-22B-150">
                {t('office.catalogue.pillar', { code: pillar.code, title: pillar.title })}
              </h2>
              {Object.values(data.plans)
                .filter((plan) => plan.pillarId === pillar.pillarId)
                .map((plan) => {
                  const projects = (byPlan.get(plan.planId) ?? []).filter((p) =>
                    matches(q, p.projectId, p.name, sectionName(data, p.sectionId)),
                  );
                  const kpis = Object.values(data.kpis).filter(
                    (k) => k.planId === plan.planId && matches(q, k.kpiId, k.indicator, sectionName(data, k.sectionId)),
                  );
                  if (q && projects.length === 0 && kpis.length === 0) return null;
                  return (
                    <section key={plan.planId} aria-labelledby={`plan-${plan.planId}`} className="flex flex-col gap-3">
                      <h3 id={`plan-${plan.planId}`} className="text-std-18B-160">
                        {t('office.catalogue.planCode', { code: plan.code })} {plan.title}
                      </h3>
                      <DataTable<PlacedProject>
                        label={t('office.catalogue.projectsOf', { code: plan.code })}
                        rows={projects}
                        rowKey={(p) => `${p.projectId}:${p.placement.planId}:${p.placement.sectionNo}:${p.repost}`}
                        empty={t('office.catalogue.noProjects')}
                        columns={[
                          {
                            id: 'no',
                            header: t('office.catalogue.sectionNo'),
                            cell: (p) => p.placement.sectionNo,
                            className: 'whitespace-nowrap',
                          },
                          {
                            id: 'name',
                            header: t('office.catalogue.project'),
                            isRowHeader: true,
                            cell: (p) => (
                              <span className="flex flex-col gap-1">
                                <span className="text-dns-14N-130 text-solid-gray-700">{p.projectId}</span>
                                <span>{p.name}</span>
                                <span className="flex flex-wrap gap-1">
                                  {p.repost && <Tag text={t('office.catalogue.repost')} />}
                                  {p.notSuited && <Tag text={t('office.catalogue.notSuited')} />}
                                  {p.retired && <Tag text={t('office.catalogue.retired')} />}
                                </span>
                              </span>
                            ),
                          },
                          {
                            id: 'heading',
                            header: t('office.catalogue.heading'),
                            cell: (p) => p.placement.sectionTitle,
                          },
                          { id: 'section', header: t('common.section'), cell: (p) => sectionName(data, p.sectionId) },
                        ]}
                      />
                      {kpis.length > 0 && (
                        <DataTable<CatalogueKpi>
                          label={t('office.catalogue.kpisOf', { code: plan.code })}
                          rows={kpis}
                          rowKey={(k) => k.kpiId}
                          empty={t('common.none')}
                          columns={[
                            {
                              id: 'indicator',
                              header: t('office.catalogue.kpi'),
                              isRowHeader: true,
                              cell: (k) => (
                                <span className="flex flex-col">
                                  <span className="text-dns-14N-130 text-solid-gray-700">{k.kpiId}</span>
                                  <span>{k.indicator}</span>
                                  {k.retired && <Tag text={t('office.catalogue.retired')} />}
                                </span>
                              ),
                            },
                            {
                              id: 'kind',
                              header: t('office.catalogue.kpiKind'),
                              className: 'whitespace-nowrap',
                              cell: (k) =>
                                t(k.kind === 'outcome' ? 'office.catalogue.outcome' : 'office.catalogue.output'),
                            },
                            {
                              id: 'baseline',
                              header: t('office.catalogue.baseline'),
                              cell: (k) => withAside(measured(k.baseline.value), k.baseline.asOf, language),
                            },
                            {
                              id: 'target',
                              header: t('office.catalogue.target'),
                              cell: (k) => withAside(measured(k.target.value), k.target.asOf, language),
                            },
                            { id: 'section', header: t('common.section'), cell: (k) => sectionName(data, k.sectionId) },
                          ]}
                        />
                      )}
                    </section>
                  );
                })}
            </section>
          ))}
          <section aria-labelledby="sections" className="flex flex-col gap-3">
            <h2 id="sections" className="border-b-2 border-blue-900 pb-1 text-std-22B-150">
              {t('office.catalogue.sections')}
            </h2>
            <DataTable<CatalogueSection>
              label={t('office.catalogue.sections')}
              rows={Object.values(data.sections)}
              rowKey={(s) => s.sectionId}
              empty={t('common.none')}
              columns={[
                { id: 'department', header: t('office.catalogue.department'), cell: (s) => s.department },
                { id: 'name', header: t('common.section'), isRowHeader: true, cell: (s) => s.name },
                { id: 'id', header: t('office.catalogue.sectionId'), cell: (s) => <code>{s.sectionId}</code> },
                { id: 'email', header: t('office.catalogue.email'), cell: (s) => s.email ?? t('common.none') },
              ]}
            />
          </section>
        </>
      )}
    </section>
  );
}

function Tag({ text }: { text: string }) {
  return (
    <span className="inline-block w-fit whitespace-nowrap rounded-4 border border-solid-gray-700 bg-white px-2 text-dns-14B-130 text-solid-gray-900">
      {text}
    </span>
  );
}
