import { byPlanner, given, known, projectRegistered, projectRetired } from '../catalogue-spec-fixtures';

describe('retiring a project', () => {
  it('retires a project with its reason', () => {
    given([...known, projectRegistered])
      .when(byPlanner('RetireProject', projectRetired.data))
      .then([projectRetired]);
  });

  it('decides nothing for a project already retired', () => {
    given([...known, projectRegistered, projectRetired])
      .when(byPlanner('RetireProject', { projectId: 'P01-011', reason: '再度' }))
      .then([]);
  });

  it('refuses a project that is not in the catalogue', () => {
    given(known).when(byPlanner('RetireProject', projectRetired.data)).thenThrows('NOT_IN_CATALOGUE');
  });
});
