import { annualPlan, byPlanner, given, known, projectRegistered } from '../catalogue-spec-fixtures';

describe("withdrawing a project's annual plan", () => {
  const year = { projectId: 'P01-011', fiscalYear: 2022 };

  it('withdraws the plan of a year that has one', () => {
    given([...known, projectRegistered, { type: 'AnnualPlanSet', data: annualPlan }])
      .when(byPlanner('WithdrawAnnualPlan', year))
      .then([{ type: 'AnnualPlanWithdrawn', data: year }]);
  });

  it('decides nothing for a year without a plan', () => {
    given([...known, projectRegistered])
      .when(byPlanner('WithdrawAnnualPlan', year))
      .then([]);
  });

  it('refuses a project that is not in the catalogue', () => {
    given(known).when(byPlanner('WithdrawAnnualPlan', year)).thenThrows('NOT_IN_CATALOGUE');
  });
});
