import type { AnnualPlanData } from '@pdca/catalogue';
import type { ImportedRecord } from '@pdca/importing';
import type { CalendarDate } from './demo-calendar';
import type { DemoStep } from './demo-step';
import { openYearSteps } from './open-year.scenario';
import { publishedYearSteps } from './published-year.scenario';

export interface DemoData {
  records: ImportedRecord[];
  /** FY R4's annual plans (当初計画), copied into the open year. */
  annualPlans: AnnualPlanData[];
  /** Sections in the order the catalogue registers them. */
  sectionOrder: string[];
}

/** The whole demo as data, in the order it happened (positions and recorded times agree). */
export function demoScenario(data: DemoData, today: CalendarDate): DemoStep[] {
  const steps = [
    ...publishedYearSteps(data.records, data.sectionOrder),
    ...openYearSteps(data.records, data.annualPlans, data.sectionOrder, today),
  ];
  return steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.at.localeCompare(b.step.at) || a.order - b.order)
    .map(({ step }) => step);
}
