import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import { catalogueDecider } from '../catalogue.decide';
import type { CatalogueEvent, PlanPlacement } from '../catalogue.events';
import { foldCatalogue } from '../catalogue.evolve';

const planningOffice: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
const known: CatalogueEvent[] = [
  { type: 'SectionRegistered', data: { sectionId: 'doro', department: '土木部', name: '道路課' } },
  { type: 'PillarRegistered', data: { pillarId: 'IV', code: 'IV', title: '安全・安心なまち' } },
  { type: 'PlanRegistered', data: { planId: '11', code: '11', title: '災害に強いまちづくり', pillarId: 'IV' } },
  { type: 'PlanRegistered', data: { planId: '12', code: '12', title: '道路ネットワーク', pillarId: 'IV' } },
  {
    type: 'ProjectRegistered',
    data: {
      projectId: 'P11-001',
      name: '貫井・富士見台地区',
      home: { planId: '11', sectionNo: '1(1)①', sectionTitle: '地区計画' },
      sectionId: 'doro',
      notSuitedForShortTermEvaluation: false,
    },
  },
];
/** FY R4, plan 12 関連5⑨: one line (A路線) of plan 11's merged group, printed under a name of its own. */
const aLine: PlanPlacement = {
  planId: '12',
  sectionNo: '関連5⑨',
  sectionTitle: '無電柱化の推進',
  label: '練馬主要区道2号線 (貫井・富士見台地区A路線)',
  part: '用地買収(一部)',
};
const given = deciderSpec(catalogueDecider).given;

describe('a repost (再掲) keeps the label the ward prints in the other plan', () => {
  it('given a project, when it is reposted under its own label covering part of it, then the placement keeps both', () => {
    given(known)
      .when({ type: 'RepostProject', actor: planningOffice, data: { projectId: 'P11-001', placement: aLine } })
      .then([{ type: 'ProjectReposted', data: { projectId: 'P11-001', placement: aLine } }]);
  });

  it('given that repost, when it is reposted again as it is, then nothing is decided', () => {
    given([...known, { type: 'ProjectReposted', data: { projectId: 'P11-001', placement: aLine } }])
      .when({ type: 'RepostProject', actor: planningOffice, data: { projectId: 'P11-001', placement: { ...aLine } } })
      .then([]);
  });

  it('given that repost, when the same place gets a new label, then it is recorded and replaces the old one', () => {
    const { part: _whole, ...expected } = { ...aLine, label: '練馬主要区道2号線' };
    given([...known, { type: 'ProjectReposted', data: { projectId: 'P11-001', placement: aLine } }])
      .when({ type: 'RepostProject', actor: planningOffice, data: { projectId: 'P11-001', placement: expected } })
      .then([{ type: 'ProjectReposted', data: { projectId: 'P11-001', placement: expected } }]);
    const state = foldCatalogue([
      ...known,
      { type: 'ProjectReposted', data: { projectId: 'P11-001', placement: aLine } },
      { type: 'ProjectReposted', data: { projectId: 'P11-001', placement: expected } },
    ]);
    expect(state.projects['P11-001'].reposts).toEqual([expected]);
  });

  it('given a repost recorded before labels existed, when folded, then it reads as the project under its own name', () => {
    const { label: _label, part: _part, ...unlabelled } = aLine;
    const state = foldCatalogue([
      ...known,
      { type: 'ProjectReposted', data: { projectId: 'P11-001', placement: unlabelled } },
    ]);
    expect(state.projects['P11-001'].reposts).toEqual([unlabelled]);
  });
});

describe('reposting a project', () => {
  const repost = (placement: PlanPlacement) =>
    ({ type: 'RepostProject', actor: planningOffice, data: { projectId: 'P11-001', placement } }) as const;

  it('refuses a repost where the project already belongs', () => {
    given(known)
      .when(repost({ planId: '11', sectionNo: '1(1)①', sectionTitle: '地区計画' }))
      .thenThrows('REPOST_AT_HOME');
  });

  it('refuses a repost into a plan that is not in the catalogue', () => {
    given(known)
      .when(repost({ ...aLine, planId: '99' }))
      .thenThrows('UNKNOWN_REFERENCE');
  });

  it('refuses a retired project', () => {
    given([...known, { type: 'ProjectRetired', data: { projectId: 'P11-001', reason: '事業終了' } }])
      .when(repost(aLine))
      .thenThrows('RETIRED');
  });
});
