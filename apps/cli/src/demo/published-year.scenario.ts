import type { ImportedRecord } from '@pdca/importing';
import { DEFAULT_B_REASONS } from '@pdca/review';
import { deadlineInstant } from '../../../api/src/cycles/deadline';
import { addDays, atJst, minutesAfter } from './demo-calendar';
import { councilMember, planningOffice, sectionStaff } from './demo-people';
import type { DemoStep } from './demo-step';

export const PUBLISHED_FISCAL_YEAR = 2022;

/**
 * FY R4 as the ward ran it (seed 002, published in September 2023): the catalogue imported, the
 * cycle opened in April 2023, every section submits its rows in April–May, the council approves
 * them in June–July, the office closes and publishes. Same path as tests/e2e/nerima-fy2022-reference.test.ts.
 */
export function publishedYearSteps(records: ImportedRecord[], sectionOrder: string[]): DemoStep[] {
  const fiscalYear = PUBLISHED_FISCAL_YEAR;
  const scope = scopeOf(records);
  const steps: DemoStep[] = [
    { kind: 'import', at: atJst('2023-04-03', '09:00'), actor: planningOffice, name: 'import-catalogue' },
    {
      kind: 'cycle',
      fiscalYear,
      at: atJst('2023-04-03', '10:00'),
      actor: planningOffice,
      name: `fy${fiscalYear}:open`,
      change: {
        type: 'OpenCycle',
        data: { scheme: 'nerima', deadline: deadlineInstant('2023-05-31'), bReasons: [...DEFAULT_B_REASONS], scope },
      },
    },
  ];
  sectionOrder.forEach((sectionId, index) => {
    const mine = records.filter((r) => r.sectionId === sectionId);
    const submittedOn = addDays('2023-04-10', (index * 7) % 48);
    const approvedOn = addDays('2023-06-12', (index * 5) % 32);
    mine.forEach((record, k) => {
      const ref = record.item;
      steps.push({
        kind: 'evaluation',
        ref,
        at: atJst(submittedOn, minutesAfter('10:00', k)),
        actor: sectionStaff(sectionId),
        name: `fy${fiscalYear}:submit:${ref.kind}:${ref.itemId}`,
        command: { type: 'SubmitActual', data: { actual: record.actual, rating: record.rating } },
      });
      steps.push({
        kind: 'evaluation',
        ref,
        at: atJst(approvedOn, minutesAfter('14:00', k)),
        actor: councilMember,
        name: `fy${fiscalYear}:approve:${ref.kind}:${ref.itemId}`,
        command: { type: 'ApproveSubmission', data: {} },
      });
    });
  });
  steps.push(
    {
      kind: 'cycle',
      fiscalYear,
      at: atJst('2023-07-31', '17:00'),
      actor: planningOffice,
      name: `fy${fiscalYear}:close`,
      change: { type: 'CloseCycle', data: { confirmOutstanding: false } },
    },
    {
      kind: 'cycle',
      fiscalYear,
      at: atJst('2023-09-01', '10:00'),
      actor: planningOffice,
      name: `fy${fiscalYear}:publish`,
      change: { type: 'PublishReport', data: {} },
    },
  );
  return steps;
}

/** Every project and KPI of the catalogue, as the API's default scope is. */
export function scopeOf(records: ImportedRecord[]) {
  return {
    projectIds: records.filter((r) => r.item.kind === 'project').map((r) => r.item.itemId),
    kpiIds: records.filter((r) => r.item.kind === 'kpi').map((r) => r.item.itemId),
  };
}
