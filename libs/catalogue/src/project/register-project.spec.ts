import {
  byPlanner,
  given,
  known,
  pillar,
  project,
  projectRegistered,
  repost,
  section,
} from '../catalogue-spec-fixtures';

describe('registering a project', () => {
  it('registers a project with its reposts (再掲) as one project placed twice', () => {
    given(known)
      .when(byPlanner('RegisterProject', { ...project, reposts: [repost] }))
      .then([projectRegistered, { type: 'ProjectReposted', data: { projectId: 'P01-011', placement: repost } }]);
  });

  it('records a repost named twice once', () => {
    given(known)
      .when(byPlanner('RegisterProject', { ...project, reposts: [repost, { ...repost }] }))
      .then([projectRegistered, { type: 'ProjectReposted', data: { projectId: 'P01-011', placement: repost } }]);
  });

  it('refuses a project whose plan or section is not in the catalogue', () => {
    given([section, pillar]).when(byPlanner('RegisterProject', project)).thenThrows('UNKNOWN_REFERENCE');
  });

  it('refuses a repost where the project already belongs', () => {
    given(known)
      .when(byPlanner('RegisterProject', { ...project, reposts: [project.home] }))
      .thenThrows('REPOST_AT_HOME');
  });

  it('refuses a second registration of the same id', () => {
    given([...known, projectRegistered])
      .when(byPlanner('RegisterProject', project))
      .thenThrows('ALREADY_REGISTERED');
  });
});
