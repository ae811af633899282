import { byPlanner, given, known, kpiRegistered } from '../catalogue-spec-fixtures';

describe('retiring a KPI', () => {
  const retired = { type: 'KpiRetired' as const, data: { kpiId: 'K01-01', reason: '指標の見直し' } };

  it('retires a KPI with its reason', () => {
    given([...known, kpiRegistered])
      .when(byPlanner('RetireKpi', retired.data))
      .then([retired]);
  });

  it('decides nothing for a KPI already retired', () => {
    given([...known, kpiRegistered, retired])
      .when(byPlanner('RetireKpi', retired.data))
      .then([]);
  });

  it('refuses a KPI that is not in the catalogue', () => {
    given(known).when(byPlanner('RetireKpi', retired.data)).thenThrows('NOT_IN_CATALOGUE');
  });
});
