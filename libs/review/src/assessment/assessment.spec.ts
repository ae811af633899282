import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import type { Scheme } from '../rating/rating';
import { assessmentDecider } from './assessment';
import type { AssessmentEvent, PlanAssessment, RecordImprovements } from './assessment';

const kikaku: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
const plan = { wardId: 'nerima', fiscalYear: 2022, planId: '1' };
const now = '2023-07-01T00:00:00.000Z';
const assessment: PlanAssessment = {
  issues: '待機児童は解消したが、地域により空きに偏りがある。',
  improvements: '空きの多い地域での定員の見直し。',
};
const record = (
  data: Partial<PlanAssessment>,
  {
    actor = kikaku,
    status = 'closed',
    scheme = 'nerima',
  }: { actor?: Actor; status?: 'open' | 'closed' | 'published'; scheme?: Scheme } = {},
) =>
  ({
    type: 'RecordImprovements',
    data,
    context: { actor, plan, cycle: { status, scheme }, now },
  }) as RecordImprovements;
const recorded = (data: PlanAssessment): AssessmentEvent => ({
  type: 'ImprovementsRecorded',
  data: { plan, assessment: data, recordedAt: now },
});
const given = deciderSpec(assessmentDecider).given;

describe("recording a plan's improvements (Act)", () => {
  it('records the issues and improvements of a strategic plan', () => {
    given([])
      .when(record(assessment))
      .then([recorded(assessment)]);
  });

  it('records a revision over an earlier record until publication', () => {
    const revised = { ...assessment, improvements: '定員の見直しと送迎支援。' };
    given([recorded(assessment)])
      .when(record(revised))
      .then([recorded(revised)]);
  });

  it('needs both the issues and the improvements', () => {
    given([])
      .when(record({ ...assessment, issues: ' ' }))
      .thenThrows('FIELD_REQUIRED');
    given([])
      .when(record({ issues: assessment.issues }))
      .thenThrows('FIELD_REQUIRED');
  });

  it("under Taisho's scheme, needs the strategy's progress and effectiveness too", () => {
    given([])
      .when(record(assessment, { scheme: 'taisho' }))
      .thenThrows('FIELD_REQUIRED');
    const judged = { ...assessment, progress: 'a' as const, effectiveness: 'continue' as const };
    given([])
      .when(record(judged, { scheme: 'taisho' }))
      .then([recorded(judged)]);
  });

  it('is refused once the year is published, and to anyone but the planning office', () => {
    given([])
      .when(record(assessment, { status: 'published' }))
      .thenThrows('CYCLE_PUBLISHED');
    const staff: Actor = { userId: 'hoiku-1', role: 'section_staff', wardId: 'nerima', sectionId: 'hoiku' };
    given([])
      .when(record(assessment, { actor: staff }))
      .thenThrows('ROLE_NOT_ALLOWED');
  });
});
