import { byPlanner, given, pillar, plan } from '../catalogue-spec-fixtures';

describe('registering a strategic plan', () => {
  it('registers a plan under a known pillar', () => {
    given([pillar]).when(byPlanner('RegisterPlan', plan.data)).then([plan]);
  });

  it('refuses a plan whose pillar is not in the catalogue', () => {
    given([]).when(byPlanner('RegisterPlan', plan.data)).thenThrows('UNKNOWN_REFERENCE');
  });

  it('refuses a second registration of the same id', () => {
    given([pillar, plan]).when(byPlanner('RegisterPlan', plan.data)).thenThrows('ALREADY_REGISTERED');
  });
});
