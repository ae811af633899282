import { byPlanner, given, known, projectRegistered, repost } from '../catalogue-spec-fixtures';

describe('withdrawing a repost', () => {
  const reposted = { type: 'ProjectReposted' as const, data: { projectId: 'P01-011', placement: repost } };

  it('withdraws a repost the project holds', () => {
    given([...known, projectRegistered, reposted])
      .when(byPlanner('WithdrawRepost', reposted.data))
      .then([{ type: 'RepostWithdrawn', data: reposted.data }]);
  });

  it('decides nothing for a place the project does not hold', () => {
    given([...known, projectRegistered])
      .when(byPlanner('WithdrawRepost', reposted.data))
      .then([]);
  });

  it('refuses a project that is not in the catalogue', () => {
    given(known).when(byPlanner('WithdrawRepost', reposted.data)).thenThrows('NOT_IN_CATALOGUE');
  });
});
