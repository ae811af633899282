import { byPlanner, given, known, kpi, kpiRegistered } from '../catalogue-spec-fixtures';

describe('changing a KPI', () => {
  const retired = { type: 'KpiRetired' as const, data: { kpiId: 'K01-01', reason: '指標の見直し' } };

  it('records a new target', () => {
    const changed = { ...kpi, target: { value: { text: '0人' }, asOf: 'R8.4.1' } };
    given([...known, kpiRegistered])
      .when(byPlanner('ChangeKpi', changed))
      .then([{ type: 'KpiChanged', data: changed }]);
  });

  it('decides nothing for a change that changes nothing', () => {
    given([...known, kpiRegistered])
      .when(byPlanner('ChangeKpi', { ...kpi }))
      .then([]);
  });

  it('refuses a move to a plan that is not in the catalogue', () => {
    given([...known, kpiRegistered])
      .when(byPlanner('ChangeKpi', { ...kpi, planId: '99' }))
      .thenThrows('UNKNOWN_REFERENCE');
  });

  it('refuses changes to a retired KPI', () => {
    given([...known, kpiRegistered, retired])
      .when(byPlanner('ChangeKpi', { ...kpi, indicator: '新指標' }))
      .thenThrows('RETIRED');
  });

  it('refuses a KPI that is not in the catalogue', () => {
    given(known).when(byPlanner('ChangeKpi', kpi)).thenThrows('NOT_IN_CATALOGUE');
  });
});
