import { byPlanner, given, known, kpi, kpiRegistered, pillar, plan } from '../catalogue-spec-fixtures';

describe('registering a KPI', () => {
  it('registers a KPI of a known plan and section', () => {
    given(known).when(byPlanner('RegisterKpi', kpi)).then([kpiRegistered]);
  });

  it('refuses a KPI whose section is not in the catalogue', () => {
    given([pillar, plan]).when(byPlanner('RegisterKpi', kpi)).thenThrows('UNKNOWN_REFERENCE');
  });

  it('refuses a second registration of the same id', () => {
    given([...known, kpiRegistered])
      .when(byPlanner('RegisterKpi', kpi))
      .thenThrows('ALREADY_REGISTERED');
  });
});
