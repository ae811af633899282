import { byPlanner, given, section } from '../catalogue-spec-fixtures';

describe('registering a section', () => {
  const hoiku = { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課', email: 'hoiku@city.example.jp' };

  it('registers a new section with the address its reminders go to', () => {
    given([])
      .when(byPlanner('RegisterSection', hoiku))
      .then([{ type: 'SectionRegistered', data: hoiku }]);
  });

  it('refuses a second registration of the same id', () => {
    given([section]).when(byPlanner('RegisterSection', hoiku)).thenThrows('ALREADY_REGISTERED');
  });
});
