import { byPlanner, given, section } from '../catalogue-spec-fixtures';

describe('changing a section', () => {
  const withEmail = {
    type: 'SectionChanged' as const,
    data: { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課', email: 'hoiku@city.example.jp' },
  };

  it('keeps the fields a change leaves out (the e-mail address is not lost by a rename)', () => {
    given([section, withEmail])
      .when(byPlanner('ChangeSection', { sectionId: 'hoiku', department: 'こども家庭部', name: '保育幼稚園課' }))
      .then([{ type: 'SectionChanged', data: { ...withEmail.data, name: '保育幼稚園課' } }]);
  });

  it('decides nothing for a change that changes nothing', () => {
    given([section, withEmail])
      .when(byPlanner('ChangeSection', { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' }))
      .then([]);
  });

  it('refuses a section that is not in the catalogue', () => {
    given([])
      .when(byPlanner('ChangeSection', { sectionId: 'doro', department: '土木部', name: '道路課' }))
      .thenThrows('NOT_IN_CATALOGUE');
  });
});
