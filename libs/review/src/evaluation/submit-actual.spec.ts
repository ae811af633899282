import {
  actual,
  context,
  given,
  hoiku,
  item,
  otherSection,
  ratingA,
  submitted,
  when,
  withCycle,
} from './evaluation-spec-fixtures';

describe('submitting an actual', () => {
  it('submits the actual together with the rating', () => {
    given([])
      .when(when('SubmitActual', { actual, rating: ratingA }, context(hoiku)))
      .then(submitted);
  });

  it('takes the rating of the saved draft when the submission gives none', () => {
    given([{ type: 'DraftSaved', data: { item, draft: { actual, rating: ratingA } } }])
      .when(when('SubmitActual', { actual }, context(hoiku)))
      .then(submitted);
  });

  it('marks a submission after the deadline as late', () => {
    const late = context(hoiku, { now: '2023-06-02T00:00:00.000Z' });
    given([])
      .when(when('SubmitActual', { actual }, late))
      .then([
        { type: 'ActualSubmitted', data: { item, sectionId: 'hoiku', actual, late: true, submittedAt: late.now } },
      ]);
  });

  it('keeps an on-time item on time when the council returned it and it comes back after the deadline', () => {
    const afterDeadline = context(hoiku, { now: '2023-06-20T00:00:00.000Z' });
    given([...submitted, { type: 'SubmissionReturned', data: { item, comments: '内訳を記載してください。' } }])
      .when(when('SubmitActual', { actual }, afterDeadline))
      .then([
        {
          type: 'ActualSubmitted',
          data: { item, sectionId: 'hoiku', actual, late: false, submittedAt: afterDeadline.now },
        },
      ]);
  });

  it('after a return, the section revises and resubmits', () => {
    const revised = { kind: 'project' as const, text: '9所（定員485人、うち0歳児60人）' };
    given([...submitted, { type: 'SubmissionReturned', data: { item, comments: '実績の内訳を記載してください' } }])
      .when(when('SubmitActual', { actual: revised }, context(hoiku)))
      .then([
        {
          type: 'ActualSubmitted',
          data: { item, sectionId: 'hoiku', actual: revised, late: false, submittedAt: context(hoiku).now },
        },
      ]);
  });

  it("refuses another section's project", () => {
    given([])
      .when(when('SubmitActual', { actual }, context(otherSection)))
      .thenThrows('NOT_YOUR_SECTION');
  });

  it('refuses an actual of the other kind (a KPI value for a project)', () => {
    const kpiActual = { kind: 'kpi', value: { text: '120' }, asOf: '2023-03-31' };
    given([])
      .when(when('SubmitActual', { actual: kpiActual }, context(hoiku)))
      .thenThrows('ACTUAL_KIND_MISMATCH');
  });

  it('refuses a second submission while one waits for review', () => {
    given(submitted)
      .when(when('SubmitActual', { actual }, context(hoiku)))
      .thenThrows('INVALID_STATUS');
  });

  it('refuses submissions once the cycle is closed', () => {
    given([])
      .when(when('SubmitActual', { actual }, withCycle(hoiku, 'closed')))
      .thenThrows('CYCLE_NOT_OPEN');
  });
});
