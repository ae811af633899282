import { annualPlan, byPlanner, given, known, projectRegistered, projectRetired } from '../catalogue-spec-fixtures';

describe("setting a project's annual plan", () => {
  it('records the annual plan of a fiscal year once', () => {
    given([...known, projectRegistered])
      .when(byPlanner('SetAnnualPlan', annualPlan))
      .then([{ type: 'AnnualPlanSet', data: annualPlan }]);
    given([...known, projectRegistered, { type: 'AnnualPlanSet', data: annualPlan }])
      .when(byPlanner('SetAnnualPlan', { ...annualPlan }))
      .then([]);
  });

  it('records a revised plan for the same year', () => {
    const revised = { ...annualPlan, planned: '10所' };
    given([...known, projectRegistered, { type: 'AnnualPlanSet', data: annualPlan }])
      .when(byPlanner('SetAnnualPlan', revised))
      .then([{ type: 'AnnualPlanSet', data: revised }]);
  });

  it('refuses a retired project', () => {
    given([...known, projectRegistered, projectRetired])
      .when(byPlanner('SetAnnualPlan', annualPlan))
      .thenThrows('RETIRED');
  });
});
