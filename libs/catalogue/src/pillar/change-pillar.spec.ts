import { byPlanner, given, pillar } from '../catalogue-spec-fixtures';

describe('changing a pillar', () => {
  it('records a new title', () => {
    const data = { pillarId: 'I', code: 'I', title: '子どもたちの笑顔が輝くまち' };
    given([pillar])
      .when(byPlanner('ChangePillar', data))
      .then([{ type: 'PillarChanged', data }]);
  });

  it('decides nothing for a change that changes nothing', () => {
    given([pillar])
      .when(byPlanner('ChangePillar', { ...pillar.data }))
      .then([]);
  });

  it('refuses a pillar that is not in the catalogue', () => {
    given([])
      .when(byPlanner('ChangePillar', { pillarId: 'IX', code: 'IX', title: 'x' }))
      .thenThrows('NOT_IN_CATALOGUE');
  });
});
