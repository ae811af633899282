import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import { DEFAULT_B_REASONS, NerimaRating } from '../rating/rating';
import type { EvaluationCommand, EvaluationContext } from './evaluation.commands';
import { evaluationDecider } from './evaluation.decide';
import type { EvaluationEvent } from './evaluation.events';

const hoiku: Actor = { userId: 'hoiku-1', role: 'section_staff', wardId: 'nerima', sectionId: 'hoiku' };
const otherSection: Actor = { userId: 'doboku-1', role: 'section_staff', wardId: 'nerima', sectionId: 'doboku' };
const council: Actor = { userId: 'iin-1', role: 'council_member', wardId: 'nerima' };
const kikaku: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };

const item = { wardId: 'nerima', fiscalYear: 2022, kind: 'project' as const, itemId: 'P01-011' };
const context = (actor: Actor, overrides: Partial<EvaluationContext> = {}): EvaluationContext => ({
  actor,
  item: { ...item, sectionId: 'hoiku', notSuitedForShortTermEvaluation: false, nothingPlanned: false },
  cycle: { status: 'open', scheme: 'nerima', deadline: '2023-05-31T14:59:59.999Z', bReasons: DEFAULT_B_REASONS },
  now: '2023-05-10T01:00:00.000Z',
  ...overrides,
});
const when = (type: EvaluationCommand['type'], data: unknown, ctx: EvaluationContext) => ({ type, data, context: ctx }) as EvaluationCommand;

const actual = { kind: 'project' as const, text: '9所（定員485人）' };
const ratingA: NerimaRating = { scheme: 'nerima', grade: 'A' };
const submitted: EvaluationEvent[] = [
  { type: 'ActualSubmitted', data: { item, sectionId: 'hoiku', actual, late: false, submittedAt: '2023-05-10T01:00:00.000Z' } },
  { type: 'ItemRated', data: { item, rating: ratingA } },
];
const given = deciderSpec(evaluationDecider).given;

describe('evaluation of a project in a fiscal year', () => {
  describe('submission by the owning section', () => {
    it('submits the actual together with the rating', () => {
      given([]).when(when('SubmitActual', { actual, rating: ratingA }, context(hoiku))).then(submitted);
    });

    it('takes the rating of the saved draft when the submission gives none', () => {
      given([{ type: 'DraftSaved', data: { item, draft: { actual, rating: ratingA } } }])
        .when(when('SubmitActual', { actual }, context(hoiku)))
        .then(submitted);
    });

    it('marks a submission after the deadline as late', () => {
      const late = context(hoiku, { now: '2023-06-02T00:00:00.000Z' });
      given([]).when(when('SubmitActual', { actual }, late)).then([
        { type: 'ActualSubmitted', data: { item, sectionId: 'hoiku', actual, late: true, submittedAt: late.now } },
      ]);
    });

    it('keeps an on-time item on time when the council returned it and it comes back after the deadline', () => {
      const afterDeadline = context(hoiku, { now: '2023-06-20T00:00:00.000Z' });
      given([...submitted, { type: 'SubmissionReturned', data: { item, comments: '内訳を記載してください。' } }])
        .when(when('SubmitActual', { actual }, afterDeadline))
        .then([{ type: 'ActualSubmitted', data: { item, sectionId: 'hoiku', actual, late: false, submittedAt: afterDeadline.now } }]);
    });

    it("refuses another section's project", () => {
      given([]).when(when('SubmitActual', { actual }, context(otherSection))).thenThrows('NOT_YOUR_SECTION');
    });

    it('refuses a second submission while one waits for review', () => {
      given(submitted).when(when('SubmitActual', { actual }, context(hoiku))).thenThrows('INVALID_STATUS');
    });

    it('refuses submissions once the cycle is closed', () => {
      given([]).when(when('SubmitActual', { actual }, context(hoiku, { cycle: { ...context(hoiku).cycle, status: 'closed' } }))).thenThrows('CYCLE_NOT_OPEN');
    });

    it('lets the section withdraw before review, back to a draft', () => {
      given(submitted).when(when('WithdrawSubmission', {}, context(hoiku))).then([{ type: 'SubmissionWithdrawn', data: { item, reason: undefined } }]);
      given([...submitted, { type: 'SubmissionApproved', data: { item } }]).when(when('WithdrawSubmission', {}, context(hoiku))).thenThrows('INVALID_STATUS');
    });
  });

  describe("Nerima's rating rules", () => {
    const rate = (rating: Partial<NerimaRating>, ctx = context(hoiku)) => given(submitted).when(when('RateItem', { rating: { scheme: 'nerima', ...rating } }, ctx));

    it('needs a reason category and a note for B', () => {
      rate({ grade: 'B', note: '工事の遅延' }).thenThrows('FIELD_REQUIRED');
      rate({ grade: 'B', bReason: 'covid19' }).thenThrows('FIELD_REQUIRED');
      rate({ grade: 'B', bReason: 'weather', note: '台風' }).thenThrows('B_REASON_UNKNOWN');
      rate({ grade: 'B', bReason: 'construction', note: '都営住宅建設工事の着工が遅れたため' }).then([
        { type: 'ItemRated', data: { item, rating: { scheme: 'nerima', grade: 'B', bReason: 'construction', note: '都営住宅建設工事の着工が遅れたため' } } },
      ]);
    });

    it('needs a note for A+', () => {
      rate({ grade: 'A+' }).thenThrows('FIELD_REQUIRED');
    });

    it("allows '-' only when nothing was planned this year", () => {
      rate({ grade: '-' }).thenThrows('DASH_REQUIRES_NOTHING_PLANNED');
      const nothingPlanned = context(hoiku, { item: { ...context(hoiku).item, nothingPlanned: true } });
      rate({ grade: '-' }, nothingPlanned).then([{ type: 'ItemRated', data: { item, rating: { scheme: 'nerima', grade: '-' } } }]);
    });

    it("allows '*' only for projects marked as not suited to short-term evaluation", () => {
      rate({ grade: '*' }).thenThrows('STAR_REQUIRES_LONG_TERM_PROJECT');
    });

    it("refuses a rating of the other ward's scheme", () => {
      given(submitted).when(when('RateItem', { rating: { scheme: 'taisho', achievement: 'A' } }, context(hoiku))).thenThrows('RATING_SCHEME_MISMATCH');
    });
  });

  describe('council review', () => {
    it('approves a submitted, rated item', () => {
      given(submitted).when(when('ApproveSubmission', {}, context(council))).then([{ type: 'SubmissionApproved', data: { item, comment: undefined } }]);
    });

    it('refuses to approve an item without a rating', () => {
      given([submitted[0]]).when(when('ApproveSubmission', {}, context(council))).thenThrows('RATING_MISSING');
    });

    it('reviews only submitted items', () => {
      given([]).when(when('ApproveSubmission', {}, context(council))).thenThrows('INVALID_STATUS');
      given([]).when(when('ReturnSubmission', { comments: '根拠資料を添付してください' }, context(council))).thenThrows('INVALID_STATUS');
    });

    it('returns with comments; the section revises and resubmits', () => {
      const returned: EvaluationEvent = { type: 'SubmissionReturned', data: { item, comments: '実績の内訳を記載してください' } };
      given(submitted).when(when('ReturnSubmission', { comments: returned.data.comments }, context(council))).then([returned]);
      given([...submitted, returned]).when(when('SubmitActual', { actual: { kind: 'project', text: '9所（定員485人、うち0歳児60人）' } }, context(hoiku))).then([
        { type: 'ActualSubmitted', data: { item, sectionId: 'hoiku', actual: { kind: 'project', text: '9所（定員485人、うち0歳児60人）' }, late: false, submittedAt: context(hoiku).now } },
      ]);
    });

    it("adjusts a rating with a stated reason, keeping the section's rating as its own fact", () => {
      const adjusted: NerimaRating = { scheme: 'nerima', grade: 'A+', note: '前倒しで整備' };
      given(submitted).when(when('AdjustRating', { rating: adjusted, reason: '計画を上回る定員を確保' }, context(council))).then([
        { type: 'RatingAdjusted', data: { item, from: ratingA, to: adjusted, reason: '計画を上回る定員を確保' } },
      ]);
      given(submitted).when(when('AdjustRating', { rating: adjusted, reason: ' ' }, context(council))).thenThrows('FIELD_REQUIRED');
    });

    it('lets only council members review', () => {
      given(submitted).when(when('ApproveSubmission', {}, context(hoiku))).thenThrows('ROLE_NOT_ALLOWED');
    });
  });

  describe('after publication', () => {
    const published = context(kikaku, { cycle: { ...context(kikaku).cycle, status: 'published' } });
    const approved: EvaluationEvent[] = [...submitted, { type: 'SubmissionApproved', data: { item } }];

    it('refuses reviews and submissions', () => {
      given(approved).when(when('AdjustRating', { rating: ratingA, reason: 'x' }, { ...published, actor: council })).thenThrows('CYCLE_PUBLISHED');
      given(approved).when(when('RateItem', { rating: ratingA }, { ...published, actor: hoiku })).thenThrows('CYCLE_NOT_OPEN');
    });

    it('accepts a correction with a reason from the planning office', () => {
      const rating: NerimaRating = { scheme: 'nerima', grade: 'B', bReason: 'other', note: '集計誤り' };
      given(approved).when(when('CorrectEvaluation', { rating, reason: '集計誤りの訂正' }, published)).then([
        { type: 'EvaluationCorrected', data: { item, rating, reason: '集計誤りの訂正' } },
      ]);
    });
  });
});
