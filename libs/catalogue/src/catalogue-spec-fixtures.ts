import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import type { CatalogueCommand } from './catalogue.commands';
import { catalogueDecider } from './catalogue.decide';
import type { AnnualPlanData, CatalogueEvent, KpiData, ProjectData } from './catalogue.events';

/** Shared by the given/when/then specs of the catalogue's slices. */
export const planningOffice: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
export const sectionStaff: Actor = {
  userId: 'hoiku-1',
  role: 'section_staff',
  wardId: 'nerima',
  sectionId: 'hoiku',
};

export const section: CatalogueEvent = {
  type: 'SectionRegistered',
  data: { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' },
};
export const pillar: CatalogueEvent = {
  type: 'PillarRegistered',
  data: { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' },
};
export const plan: CatalogueEvent = {
  type: 'PlanRegistered',
  data: { planId: '1', code: '1', title: '子育てのかたちを選択できる社会の実現', pillarId: 'I' },
};
/** A second plan of the same pillar, where a project can be reposted (再掲). */
export const otherPlan: CatalogueEvent = {
  type: 'PlanRegistered',
  data: { planId: '2', code: '2', title: '学校教育の充実', pillarId: 'I' },
};
/** Section, pillar and two plans: what a project or KPI refers to. */
export const known: CatalogueEvent[] = [section, pillar, plan, otherPlan];

export const project: ProjectData = {
  projectId: 'P01-011',
  name: '認可保育所 計206所',
  home: { planId: '1', sectionNo: '3(1)', sectionTitle: '保育サービスの充実' },
  sectionId: 'hoiku',
  notSuitedForShortTermEvaluation: false,
};
export const projectRegistered: CatalogueEvent = { type: 'ProjectRegistered', data: project };
export const projectRetired: CatalogueEvent = {
  type: 'ProjectRetired',
  data: { projectId: project.projectId, reason: '事業終了' },
};
export const repost = { planId: '2', sectionNo: '4', sectionTitle: '幼児教育との連携' };

export const annualPlan: AnnualPlanData = {
  projectId: project.projectId,
  fiscalYear: 2022,
  target: '計206所',
  statusAtPreviousYearEnd: '計197所',
  planned: '9所',
};

export const kpi: KpiData = {
  kpiId: 'K01-01',
  planId: '1',
  indicator: '保育所待機児童数',
  kind: 'outcome',
  sectionId: 'hoiku',
  baseline: { value: { text: '0人' }, asOf: 'R4.4.1' },
  target: { value: { text: '0人' }, asOf: 'R7.4.1' },
};
export const kpiRegistered: CatalogueEvent = { type: 'KpiRegistered', data: kpi };

/** A command of the planning office, who alone edits the catalogue. */
export const byPlanner = (type: CatalogueCommand['type'], data: unknown) =>
  ({ type, data, actor: planningOffice }) as CatalogueCommand;

export const given = deciderSpec(catalogueDecider).given;
