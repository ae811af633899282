import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import type { CatalogueEvent } from './catalogue.events';
import { catalogueDecider } from './catalogue.decide';

const planningOffice: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
const sectionStaff: Actor = { userId: 'hoiku-1', role: 'section_staff', wardId: 'nerima', sectionId: 'hoiku' };

const section: CatalogueEvent = {
  type: 'SectionRegistered',
  data: { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' },
};
const pillar: CatalogueEvent = {
  type: 'PillarRegistered',
  data: { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' },
};
const plan: CatalogueEvent = {
  type: 'PlanRegistered',
  data: { planId: '1', code: '1', title: '子育てのかたちを選択できる社会の実現', pillarId: 'I' },
};
const project = {
  projectId: 'P01-011',
  name: '認可保育所 計206所',
  home: { planId: '1', sectionNo: '3(1)', sectionTitle: '保育サービスの充実' },
  sectionId: 'hoiku',
  notSuitedForShortTermEvaluation: false,
};
const given = deciderSpec(catalogueDecider).given;

describe('catalogue', () => {
  it('registers a project with its reposts (再掲) as one project placed twice', () => {
    const repost = { planId: '1', sectionNo: '4', sectionTitle: '練馬こども園の充実' };
    given([section, pillar, plan])
      .when({ type: 'RegisterProject', actor: planningOffice, data: { ...project, reposts: [repost] } })
      .then([
        { type: 'ProjectRegistered', data: project },
        { type: 'ProjectReposted', data: { projectId: 'P01-011', placement: repost } },
      ]);
  });

  it('refuses a project whose plan or section is not in the catalogue', () => {
    given([section, pillar])
      .when({ type: 'RegisterProject', actor: planningOffice, data: project })
      .thenThrows('UNKNOWN_REFERENCE');
  });

  it('refuses a second registration of the same id', () => {
    given([section, pillar, plan, { type: 'ProjectRegistered', data: project }])
      .when({ type: 'RegisterProject', actor: planningOffice, data: project })
      .thenThrows('ALREADY_REGISTERED');
  });

  it('decides nothing for a change that changes nothing', () => {
    given([section, pillar, plan, { type: 'ProjectRegistered', data: project }])
      .when({ type: 'ChangeProject', actor: planningOffice, data: { ...project } })
      .then([]);
  });

  it('refuses changes to a retired project', () => {
    given([
      section,
      pillar,
      plan,
      { type: 'ProjectRegistered', data: project },
      { type: 'ProjectRetired', data: { projectId: 'P01-011', reason: '事業終了' } },
    ])
      .when({ type: 'ChangeProject', actor: planningOffice, data: { ...project, name: '新名称' } })
      .thenThrows('RETIRED');
  });

  it('lets only the planning office edit the catalogue', () => {
    given([section])
      .when({ type: 'RegisterPillar', actor: sectionStaff, data: { pillarId: 'II', code: 'II', title: 'x' } })
      .thenThrows('ROLE_NOT_ALLOWED');
  });

  it('records the annual plan of a fiscal year once', () => {
    const annual = {
      projectId: 'P01-011',
      fiscalYear: 2022,
      target: '計206所',
      statusAtPreviousYearEnd: '計197所',
      planned: '9所',
    };
    given([section, pillar, plan, { type: 'ProjectRegistered', data: project }])
      .when({ type: 'SetAnnualPlan', actor: planningOffice, data: annual })
      .then([{ type: 'AnnualPlanSet', data: annual }]);
    given([
      section,
      pillar,
      plan,
      { type: 'ProjectRegistered', data: project },
      { type: 'AnnualPlanSet', data: annual },
    ])
      .when({ type: 'SetAnnualPlan', actor: planningOffice, data: { ...annual } })
      .then([]);
  });
});
