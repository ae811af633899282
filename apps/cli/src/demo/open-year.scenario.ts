import type { AnnualPlanData } from '@pdca/catalogue';
import type { ImportedRecord } from '@pdca/importing';
import { fiscalYearOf, warekiFiscalYear } from '@pdca/kernel';
import { Actual, DEFAULT_B_REASONS, Rating } from '@pdca/review';
import { addDays, atJst, CalendarDate, minutesAfter } from './demo-calendar';
import { councilMember, DEMO_SECTIONS, planningOffice, sectionStaff } from './demo-people';
import type { DemoStep } from './demo-step';
import { shiftReiwaYears } from './shift-reiwa-years';
import { PUBLISHED_FISCAL_YEAR, scopeOf } from './published-year.scenario';

/** What a section has done in the open cycle. */
export type SectionFate = 'approved' | 'submitted' | 'late' | 'submitted_late';

const DEADLINE_DAYS_AGO = 4;
const OPEN_DAYS_BEFORE_DEADLINE = 45;
const RETURN_COMMENTS =
  '実績の記載が当初計画と対応していません。年度内に開設した数と年度末時点の総数を分けて記載し、評価を見直してください。';

/** The cycle in progress reviews the last completed fiscal year (never the published one). */
export const openFiscalYear = (today: CalendarDate) =>
  Math.max(PUBLISHED_FISCAL_YEAR + 1, fiscalYearOf(new Date(`${today}T12:00:00+09:00`)) - 1);

/** Named sections first; the others rotate so that the office's progress view shows every state. */
export function fateOf(sectionId: string, index: number): SectionFate {
  if (sectionId === DEMO_SECTIONS.submittedEverything.sectionId || sectionId === DEMO_SECTIONS.returned.sectionId)
    return 'submitted';
  if (sectionId === DEMO_SECTIONS.late.sectionId) return 'late';
  if (index % 6 === 5) return 'submitted_late';
  return (['approved', 'submitted', 'late'] as const)[index % 3];
}

/**
 * The open cycle, dated so that its deadline was a few days before `today`: the year's plans copied
 * from FY R4, the cycle opened six weeks before the deadline, sections submitting (or not) with
 * FY R4's texts and ratings (the years their notes name moved to the open year's), the council
 * approving some, one item returned two days ago.
 */
export function openYearSteps(
  records: ImportedRecord[],
  annualPlans: AnnualPlanData[],
  sectionOrder: string[],
  today: CalendarDate,
): DemoStep[] {
  const fiscalYear = openFiscalYear(today);
  const deadline = addDays(today, -DEADLINE_DAYS_AGO);
  const opened = addDays(deadline, -OPEN_DAYS_BEFORE_DEADLINE);
  const steps: DemoStep[] = [
    {
      kind: 'catalogue',
      label: 'SetAnnualPlans',
      at: atJst(opened, '09:00'),
      actor: planningOffice,
      name: `fy${fiscalYear}:annual-plans`,
      changes: annualPlans.map((plan) => ({ type: 'SetAnnualPlan' as const, data: { ...plan, fiscalYear } })),
    },
    {
      kind: 'cycle',
      fiscalYear,
      at: atJst(opened, '09:30'),
      actor: planningOffice,
      name: `fy${fiscalYear}:open`,
      change: {
        type: 'OpenCycle',
        data: {
          scheme: 'nerima',
          deadline: atJst(deadline, '23:59'),
          bReasons: [...DEFAULT_B_REASONS],
          scope: scopeOf(records),
        },
      },
    },
  ];
  sectionOrder.forEach((sectionId, index) => {
    const mine = records
      .filter((r) => r.sectionId === sectionId)
      .map((r) => ({
        ...r,
        item: { ...r.item, fiscalYear },
        actual: actualFor(r.actual, fiscalYear),
        rating: ratingFor(r.rating, fiscalYear),
      }));
    steps.push(
      ...sectionSteps(mine, sectionId, fateOf(sectionId, index), { fiscalYear, opened, deadline, today, index }),
    );
  });
  return steps;
}

interface Dates {
  fiscalYear: number;
  opened: CalendarDate;
  deadline: CalendarDate;
  today: CalendarDate;
  index: number;
}

function sectionSteps(mine: ImportedRecord[], sectionId: string, fate: SectionFate, dates: Dates): DemoStep[] {
  const { fiscalYear, today, index } = dates;
  const staff = sectionStaff(sectionId);
  const key = (verb: string, r: ImportedRecord) => `fy${fiscalYear}:${verb}:${r.item.kind}:${r.item.itemId}`;
  if (fate === 'late') {
    const [first] = mine;
    return first
      ? [
          {
            kind: 'evaluation',
            ref: first.item,
            at: atJst(addDays(dates.opened, 20), '16:00'),
            actor: staff,
            name: key('draft', first),
            command: { type: 'SaveDraft', data: { draft: { actual: first.actual } } },
          },
        ]
      : [];
  }
  const submittedOn =
    fate === 'submitted_late'
      ? addDays(today, -2)
      : addDays(dates.opened, 7 + ((index * 5) % (OPEN_DAYS_BEFORE_DEADLINE - 10)));
  const steps: DemoStep[] = mine.map((r, k) => ({
    kind: 'evaluation',
    ref: r.item,
    at: atJst(submittedOn, minutesAfter('10:00', k)),
    actor: staff,
    name: key('submit', r),
    command: { type: 'SubmitActual', data: { actual: r.actual, rating: r.rating } },
  }));
  const approve = (r: ImportedRecord, k: number): DemoStep => ({
    kind: 'evaluation',
    ref: r.item,
    at: atJst(addDays(submittedOn, 5), minutesAfter('14:00', k)),
    actor: councilMember,
    name: key('approve', r),
    command: { type: 'ApproveSubmission', data: {} },
  });
  if (fate === 'approved') steps.push(...mine.map(approve));
  if (sectionId === DEMO_SECTIONS.submittedEverything.sectionId)
    steps.push(...mine.slice(0, Math.ceil(mine.length / 2)).map(approve));
  if (sectionId === DEMO_SECTIONS.returned.sectionId) {
    const [returned, ...rest] = mine;
    steps.push(...rest.slice(0, Math.ceil(rest.length / 2)).map((r, k) => approve(r, k + 1)));
    steps.push({
      kind: 'evaluation',
      ref: returned.item,
      at: atJst(addDays(today, -2), '15:00'),
      actor: councilMember,
      name: key('return', returned),
      command: { type: 'ReturnSubmission', data: { comments: RETURN_COMMENTS } },
    });
  }
  return steps;
}

/** A KPI's value is "as of the end of" the year it reports on; a project's text names that year, not R4's. */
function actualFor(actual: Actual, fiscalYear: number): Actual {
  if (actual.kind === 'kpi') return { ...actual, asOf: `${warekiFiscalYear(fiscalYear)}末` };
  return { ...actual, text: shiftReiwaYears(actual.text, fiscalYear - PUBLISHED_FISCAL_YEAR) };
}

/** The rating's note (備考) speaks of the open year too ("令和5年4月1日現在" in FY R4 is a year later now). */
function ratingFor(rating: Rating | undefined, fiscalYear: number): Rating | undefined {
  return rating?.note ? { ...rating, note: shiftReiwaYears(rating.note, fiscalYear - PUBLISHED_FISCAL_YEAR) } : rating;
}
