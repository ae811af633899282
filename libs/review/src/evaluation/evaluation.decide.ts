import { dispatchByType } from '@pdca/kernel';
import type { Decider } from '@pdca/kernel';
import { decideAdjustRating } from './adjust-rating';
import { decideApproveSubmission } from './approve-submission';
import { decideCorrectEvaluation } from './correct-evaluation';
import type { EvaluationEvent } from './evaluation.events';
import { evolveEvaluation } from './evaluation.evolve';
import { EvaluationState, initialEvaluation } from './evaluation.state';
import { decideImportEvaluation } from './import-evaluation';
import { decideRateItem } from './rate-item';
import { decideReturnSubmission } from './return-submission';
import { decideRevertImportedEvaluation } from './revert-imported-evaluation';
import { decideSaveDraft } from './save-draft';
import { decideSubmitActual } from './submit-actual';
import { decideWithdrawSubmission } from './withdraw-submission';

/** Every command on an item, by type: one line per slice (a new command adds its file and a line here). */
const DECIDE_BY_TYPE = {
  SaveDraft: decideSaveDraft,
  SubmitActual: decideSubmitActual,
  RateItem: decideRateItem,
  WithdrawSubmission: decideWithdrawSubmission,
  ApproveSubmission: decideApproveSubmission,
  ReturnSubmission: decideReturnSubmission,
  AdjustRating: decideAdjustRating,
  CorrectEvaluation: decideCorrectEvaluation,
  ImportEvaluation: decideImportEvaluation,
  RevertImportedEvaluation: decideRevertImportedEvaluation,
};

/** The item's decide: a dispatch to the command's slice. */
export const decideEvaluation = dispatchByType(DECIDE_BY_TYPE, 'evaluation command');
export type EvaluationCommand = Parameters<typeof decideEvaluation>[0];

export const evaluationDecider: Decider<EvaluationState, EvaluationCommand, EvaluationEvent> = {
  decide: decideEvaluation,
  evolve: evolveEvaluation,
  initialState: initialEvaluation,
};
