import type { Catalogue } from './catalogue';

/** Japanese collation with numbers compared as numbers: plan "2" before "10", "4-1" after "4". */
const collator = new Intl.Collator('ja', { numeric: true });

export const compareNatural = (a: string, b: string) => collator.compare(a, b);

/** Plans by their code, naturally (an unknown plan by its id, after the known ones). */
export function comparePlans(catalogue: Catalogue | undefined, a: string, b: string): number {
  const planA = catalogue?.plans[a];
  const planB = catalogue?.plans[b];
  if (!planA || !planB) return Number(!planA) - Number(!planB) || compareNatural(a, b);
  return compareNatural(planA.code, planB.code) || compareNatural(a, b);
}

/** Sections by department, then name, in Japanese collation. */
export function compareSections(catalogue: Catalogue | undefined, a: string, b: string): number {
  const sectionA = catalogue?.sections[a];
  const sectionB = catalogue?.sections[b];
  if (!sectionA || !sectionB) return Number(!sectionA) - Number(!sectionB) || compareNatural(a, b);
  return (
    compareNatural(sectionA.department, sectionB.department) ||
    compareNatural(sectionA.name, sectionB.name) ||
    compareNatural(a, b)
  );
}
