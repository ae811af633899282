import { get, wardPath } from '../api/client';
import type { OrdinalScale, Scheme } from '../api/types';
import { useQuery } from '../api/use-query';
import { cataloguePath } from './catalogue-path';

export { cataloguePath };

export interface MeasuredValue {
  text: string;
  number?: number;
  unit?: string;
}

export interface Catalogue {
  sections: Record<string, { sectionId: string; department: string; name: string }>;
  plans: Record<string, { planId: string; code: string; title: string; pillarId: string }>;
  projects: Record<
    string,
    {
      projectId: string;
      name: string;
      sectionId: string;
      home: { planId: string; sectionNo: string; sectionTitle: string };
      notSuitedForShortTermEvaluation: boolean;
      annualPlans: Record<string, { target: string; statusAtPreviousYearEnd: string; planned: string }>;
    }
  >;
  kpis: Record<
    string,
    {
      kpiId: string;
      planId: string;
      indicator: string;
      kind: 'output' | 'outcome';
      sectionId: string;
      baseline: { value: MeasuredValue; asOf: string };
      target: { value: MeasuredValue; asOf: string };
    }
  >;
}

export interface CycleDetail {
  fiscalYear: number;
  status: 'open' | 'closed' | 'published';
  scheme: Scheme;
  deadline: string;
  bReasons: Array<{ code: string; label: string }>;
  /** An ordinal cycle's scale. */
  ordinalScale?: OrdinalScale;
  revision: number;
}

export function useCatalogue(wardId: string) {
  return useQuery(`catalogue:${wardId}`, (signal) => get<Catalogue>(cataloguePath(wardId), signal));
}

export function useCycle(wardId: string, fiscalYear: number) {
  return useQuery(`cycle:${wardId}:${fiscalYear}`, (signal) =>
    get<CycleDetail>(wardPath(wardId, `/cycles/${fiscalYear}`), signal),
  );
}

export const sectionLabel = (catalogue: Catalogue | undefined, sectionId: string) => {
  const section = catalogue?.sections[sectionId];
  return section ? `${section.department} ${section.name}` : sectionId;
};

export const planLabel = (catalogue: Catalogue | undefined, planId: string) => {
  const plan = catalogue?.plans[planId];
  return plan ? `${plan.code} ${plan.title}` : planId;
};
