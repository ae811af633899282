import { dispatchByType, requireRole } from '@pdca/kernel';
import type { CatalogueEvent } from './catalogue.events';
import { evolveCatalogue, foldCatalogue } from './catalogue.evolve';
import { assertSafeIds } from './catalogue.guards';
import { CatalogueState, emptyCatalogue } from './catalogue.state';
import { decideChangeKpi } from './kpi/change-kpi';
import { decideRegisterKpi } from './kpi/register-kpi';
import { decideRetireKpi } from './kpi/retire-kpi';
import { decideChangePillar } from './pillar/change-pillar';
import { decideRegisterPillar } from './pillar/register-pillar';
import { decideChangePlan } from './plan/change-plan';
import { decideRegisterPlan } from './plan/register-plan';
import { decideChangeProject } from './project/change-project';
import { decideRegisterProject } from './project/register-project';
import { decideRepostProject } from './project/repost-project';
import { decideRetireProject } from './project/retire-project';
import { decideSetAnnualPlan } from './project/set-annual-plan';
import { decideWithdrawAnnualPlan } from './project/withdraw-annual-plan';
import { decideWithdrawRepost } from './project/withdraw-repost';
import { decideChangeSection } from './section/change-section';
import { decideRegisterSection } from './section/register-section';

/** Every command on the catalogue, by type: one line per slice (a new command adds its file and a line here). */
const DECIDE_BY_TYPE = {
  RegisterSection: decideRegisterSection,
  ChangeSection: decideChangeSection,
  RegisterPillar: decideRegisterPillar,
  ChangePillar: decideChangePillar,
  RegisterPlan: decideRegisterPlan,
  ChangePlan: decideChangePlan,
  RegisterProject: decideRegisterProject,
  ChangeProject: decideChangeProject,
  RepostProject: decideRepostProject,
  RetireProject: decideRetireProject,
  RegisterKpi: decideRegisterKpi,
  ChangeKpi: decideChangeKpi,
  RetireKpi: decideRetireKpi,
  SetAnnualPlan: decideSetAnnualPlan,
  WithdrawRepost: decideWithdrawRepost,
  WithdrawAnnualPlan: decideWithdrawAnnualPlan,
};

const decideBySlice = dispatchByType(DECIDE_BY_TYPE, 'catalogue command');
export type CatalogueCommand = Parameters<typeof decideBySlice>[0];

/** Only the planning office edits the catalogue. Unchanged data decides no events (idempotent). */
export function decideCatalogue(command: CatalogueCommand, state: CatalogueState): CatalogueEvent[] {
  requireRole(command.actor, 'planning_office');
  assertSafeIds(command.data);
  return decideBySlice(command, state);
}

export const catalogueDecider = {
  decide: decideCatalogue,
  evolve: evolveCatalogue,
  initialState: emptyCatalogue,
  fold: (events: CatalogueEvent[]) => foldCatalogue(events),
};
