import { byPlanner, given, known, project, projectRegistered, projectRetired } from '../catalogue-spec-fixtures';

describe('changing a project', () => {
  it('records the changed facts', () => {
    const renamed = { ...project, name: '認可保育所の整備', notSuitedForShortTermEvaluation: true };
    given([...known, projectRegistered])
      .when(byPlanner('ChangeProject', renamed))
      .then([{ type: 'ProjectChanged', data: renamed }]);
  });

  it('decides nothing for a change that changes nothing', () => {
    given([...known, projectRegistered])
      .when(byPlanner('ChangeProject', { ...project }))
      .then([]);
  });

  it('refuses a move to a section that is not in the catalogue', () => {
    given([...known, projectRegistered])
      .when(byPlanner('ChangeProject', { ...project, sectionId: 'doro' }))
      .thenThrows('UNKNOWN_REFERENCE');
  });

  it('refuses changes to a retired project', () => {
    given([...known, projectRegistered, projectRetired])
      .when(byPlanner('ChangeProject', { ...project, name: '新名称' }))
      .thenThrows('RETIRED');
  });

  it('refuses a project that is not in the catalogue', () => {
    given(known).when(byPlanner('ChangeProject', project)).thenThrows('NOT_IN_CATALOGUE');
  });
});
