import { ChangeReminderPolicyRoute } from './change-reminder-policy.route';
import { CloseCycleRoute } from './close-cycle.route';
import { CorrectReportRoute } from './correct-report.route';
import { ExcludeItemRoute } from './exclude-item.route';
import { ExtendDeadlineRoute } from './extend-deadline.route';
import { OpenCycleRoute } from './open-cycle.route';
import { PublishReportRoute } from './publish-report.route';
import { ReopenCycleRoute } from './reopen-cycle.route';

/** The planning office runs the fiscal year's cycle: one slice per route (AppModule registers them). */
export const CYCLE_ROUTES = [
  OpenCycleRoute,
  ExtendDeadlineRoute,
  ChangeReminderPolicyRoute,
  CloseCycleRoute,
  ReopenCycleRoute,
  ExcludeItemRoute,
  PublishReportRoute,
  CorrectReportRoute,
];
