import { ManualClock } from '../support/manual-clock';
import { projectBody } from '../support/sample-catalogue';
import { PROJECTS, SECTIONS, USERS } from '../support/sample-ward';
import { twoApisOnOneStore } from '../support/two-apis';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const submission = { actual: { text: '9所' }, rating: { scheme: 'nerima', grade: 'A' } };

/**
 * A submission is decided on the cycle and catalogue as this process last read them (no lookup per
 * command), and its append is held to the revisions it decided on: two APIs on one store, as with
 * API_PROCESSES=2, each acting on what the other has just changed.
 */
describe('a submission judged on the cycle and catalogue another process has just changed', () => {
  const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
  const apis = twoApisOnOneStore(clock);

  const hoikuProjects = PROJECTS.filter((p) => p.sectionId === PROJECTS[0].sectionId).map((p) => p.projectId);
  const staffOf = (sectionId: string) => USERS.find((u) => u.role === 'section_staff' && u.sectionId === sectionId)!;

  it('given a project moved by the other API to another section, when its old section submits here, then it is refused as not theirs', async () => {
    const [cached, moved] = hoikuProjects;
    const owner = staffOf(PROJECTS[0].sectionId);
    const other = SECTIONS.find((s) => s.sectionId !== PROJECTS[0].sectionId)!;
    // This API decides one submission first: the ward's cycle and catalogue are now in its cache.
    await (await apis.one.as(owner.username)).post(`${FY}/projects/${cached}/submission`, submission).expect(200);
    const project = PROJECTS.find((p) => p.projectId === moved)!;
    await (
      await apis.two.as('kikaku')
    )
      .put(`${W}/catalogue/projects/${moved}`, projectBody(project, other.sectionId))
      .expect(200);
    const late = await (await apis.one.as(owner.username)).post(`${FY}/projects/${moved}/submission`, submission);
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('NOT_YOUR_SECTION');
    const item = await (await apis.one.as('kikaku')).get(`${FY}/projects/${moved}`).expect(200);
    expect(item.body.status).toBe('not_started');
  });

  it('given the cycle closed by the other API, when a section submits here, then it is refused and nothing is written', async () => {
    const owner = staffOf(PROJECTS[0].sectionId);
    const remaining = hoikuProjects[2];
    await (await apis.two.as('kikaku')).post(`${FY}/closing`, { confirmOutstanding: true }).expect(200);
    const late = await (await apis.one.as(owner.username)).post(`${FY}/projects/${remaining}/submission`, submission);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CYCLE_NOT_OPEN');
  });
});
