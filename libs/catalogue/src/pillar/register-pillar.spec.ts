import { byPlanner, given, pillar } from '../catalogue-spec-fixtures';

describe('registering a pillar', () => {
  it('registers a new pillar (基本目標)', () => {
    const data = { pillarId: 'II', code: 'II', title: '安全・安心なまち' };
    given([pillar])
      .when(byPlanner('RegisterPillar', data))
      .then([{ type: 'PillarRegistered', data }]);
  });

  it('refuses a second registration of the same id', () => {
    given([pillar])
      .when(byPlanner('RegisterPillar', { pillarId: 'I', code: 'I', title: '別名' }))
      .thenThrows('ALREADY_REGISTERED');
  });
});
