import { CorrectEvaluationRoute } from './correct-evaluation.route';
import { RateItemRoute } from './rate-item.route';
import { ReviewSubmissionRoute } from './review-submission.route';
import { SaveDraftRoute } from './save-draft.route';
import { SubmitActualRoute } from './submit-actual.route';
import { WithdrawSubmissionRoute } from './withdraw-submission.route';

/** Do and Check on one project or KPI of a fiscal year: one slice per route (AppModule registers them). */
export const ITEM_ROUTES = [
  SaveDraftRoute,
  SubmitActualRoute,
  RateItemRoute,
  WithdrawSubmissionRoute,
  ReviewSubmissionRoute,
  CorrectEvaluationRoute,
];
