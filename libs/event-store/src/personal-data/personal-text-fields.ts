/**
 * Where people write free text that may name someone (備考, comments, reasons, 実績, 課題/改善策):
 * per event type, the paths of the fields sealed on append (`*` is any array element). Decided
 * per type, not by key name, so a code such as `bReason` is never sealed by accident; a type
 * that holds no free text maps to []. The spec beside this file fails for a known event type
 * that is not listed here: a new event type must decide.
 */
/** A rating's free texts, whatever the scheme: 備考, and Taisho's 課題 and 改善策 per initiative. */
const ratingTexts = (at: string) => ['note', 'issues', 'improvements'].map((field) => `${at}.${field}`);

export const PERSONAL_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // libs/review: evaluation
  DraftSaved: ['draft.actual.text', ...ratingTexts('draft.rating')],
  ActualSubmitted: ['actual.text'],
  ItemRated: ratingTexts('rating'),
  SubmissionWithdrawn: ['reason'],
  SubmissionApproved: ['comment'],
  SubmissionReturned: ['comments'],
  RatingAdjusted: ['reason', ...ratingTexts('from'), ...ratingTexts('to')],
  EvaluationCorrected: ['reason', 'actual.text', ...ratingTexts('rating')],
  EvaluationImported: ['actual.text', ...ratingTexts('rating')],
  EvaluationImportReverted: [],
  // libs/review: cycle and Act
  CycleOpened: [],
  ReminderPolicyChanged: [],
  DeadlineExtended: ['reason'],
  CycleClosed: [],
  CycleReopened: ['reason'],
  ItemExcluded: ['reason'],
  ReportPublished: [],
  ReportCorrected: ['reason'],
  ImprovementsRecorded: ['assessment.issues', 'assessment.improvements', 'assessment.nextYearDirection'],
  // libs/catalogue: names of plans, projects and sections are public record; why something was retired is free text
  SectionRegistered: [],
  SectionChanged: [],
  PillarRegistered: [],
  PillarChanged: [],
  PlanRegistered: [],
  PlanChanged: [],
  ProjectRegistered: [],
  ProjectChanged: [],
  ProjectReposted: [],
  KpiRegistered: [],
  KpiChanged: [],
  AnnualPlanSet: [],
  RepostWithdrawn: [],
  AnnualPlanWithdrawn: [],
  ProjectRetired: ['reason'],
  KpiRetired: ['reason'],
  // libs/importing: a recorded step keeps the command it replays, texts included
  ImportStepsRecorded: [
    ...[
      'draft.actual.text',
      ...ratingTexts('draft.rating'),
      'actual.text',
      ...ratingTexts('rating'),
      'reason',
      'comment',
      'comments',
    ].map((path) => `steps.*.command.command.data.${path}`),
    'steps.*.command.commands.*.data.reason',
  ],
  ImportReversionStarted: ['reason'],
  ImportAbandoned: ['reason'],
  ImportReverted: ['reason'],
  // libs/reminders: the planning office's own words in a one-off reminder; the ledger holds sections' work addresses only
  OneOffReminderRequested: ['note'],
  ReminderSent: [],
  ReminderFailed: [],
  // this folder: why an erasure was made may itself name the person who asked
  PersonalDataErased: ['reason'],
};

export const personalTextPaths = (type: string): readonly string[] => PERSONAL_TEXT_FIELDS[type] ?? [];
