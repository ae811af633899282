import { byPlanner, given, pillar, plan } from '../catalogue-spec-fixtures';

describe('changing a strategic plan', () => {
  const renamed = { planId: '1', code: '1', title: '子育ての選択肢が広がる社会', pillarId: 'I' };

  it('records a new title', () => {
    given([pillar, plan])
      .when(byPlanner('ChangePlan', renamed))
      .then([{ type: 'PlanChanged', data: renamed }]);
  });

  it('decides nothing for a change that changes nothing', () => {
    given([pillar, plan])
      .when(byPlanner('ChangePlan', { ...plan.data }))
      .then([]);
  });

  it('refuses a move under a pillar that is not in the catalogue', () => {
    given([pillar, plan])
      .when(byPlanner('ChangePlan', { ...renamed, pillarId: 'IX' }))
      .thenThrows('UNKNOWN_REFERENCE');
  });

  it('refuses a plan that is not in the catalogue', () => {
    given([pillar]).when(byPlanner('ChangePlan', renamed)).thenThrows('NOT_IN_CATALOGUE');
  });
});
