import { byPlanner, given, known, pillar, project, sectionStaff } from './catalogue-spec-fixtures';

/** What the catalogue's decide checks before a command reaches its slice (project/register-project.ts…). */
describe("the catalogue's decide", () => {
  it('lets only the planning office edit the catalogue', () => {
    given([pillar])
      .when({ type: 'RegisterPillar', actor: sectionStaff, data: { pillarId: 'II', code: 'II', title: 'x' } })
      .thenThrows('ROLE_NOT_ALLOWED');
  });

  it.each(['__proto__', 'constructor'])('refuses %s as an id: ids are keys of its maps', (id) => {
    given(known)
      .when(byPlanner('RegisterProject', { ...project, projectId: id }))
      .thenThrows('RESERVED_ID');
    given(known)
      .when(byPlanner('RepostProject', { projectId: project.projectId, placement: { ...project.home, planId: id } }))
      .thenThrows('RESERVED_ID');
  });

  it('refuses a command type it does not know', () => {
    expect(() =>
      given([])
        .when(byPlanner('RenameWard' as never, {}))
        .then([]),
    ).toThrow('unexpected catalogue command: "RenameWard"');
  });
});
