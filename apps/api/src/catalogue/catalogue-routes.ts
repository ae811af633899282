import { ChangeKpiRoute } from './change-kpi.route';
import { ChangeProjectRoute } from './change-project.route';
import { ChangeSectionRoute } from './change-section.route';
import { RegisterKpiRoute } from './register-kpi.route';
import { RegisterPillarRoute } from './register-pillar.route';
import { RegisterPlanRoute } from './register-plan.route';
import { RegisterProjectRoute } from './register-project.route';
import { RegisterSectionRoute } from './register-section.route';
import { RepostProjectRoute } from './repost-project.route';
import { RetireKpiRoute } from './retire-kpi.route';
import { RetireProjectRoute } from './retire-project.route';
import { SetAnnualPlanRoute } from './set-annual-plan.route';

/** Plan: the catalogue's commands, one slice per route (AppModule registers them). */
export const CATALOGUE_ROUTES = [
  RegisterSectionRoute,
  ChangeSectionRoute,
  RegisterPillarRoute,
  RegisterPlanRoute,
  RegisterProjectRoute,
  ChangeProjectRoute,
  RepostProjectRoute,
  RetireProjectRoute,
  SetAnnualPlanRoute,
  RegisterKpiRoute,
  ChangeKpiRoute,
  RetireKpiRoute,
];
