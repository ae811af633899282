import { ApiHarness } from '../support/api-harness';
import { seedWard, W } from '../reliability/support/fuzz-ward';

const PUBLISHED = '/public/wards/nerima/reports/2021';

describe('number-level provenance in the API and the HTML report', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'iin', role: 'council_member' },
    ]);
    await seedWard(api); // FY2021 published (P1: A, approved by the council); FY2022 open
  }, 60_000);
  afterAll(() => api.stop());

  it('given a published year, every summary cell links as many items as it counts, and each item its decisions, without sign-in', async () => {
    const report = (await api.http.get(PUBLISHED).expect(200)).body;
    const provenance = (await api.http.get(`${PUBLISHED}/provenance`).expect(200)).body;
    expect(provenance).toEqual((await api.http.get(`${PUBLISHED}/versions/1/provenance`).expect(200)).body);
    const counts = report.publication.summary as Record<string, number>;
    for (const cell of provenance.cells)
      expect({ key: cell.key, linked: cell.items.length }).toEqual({ key: cell.key, linked: counts[cell.key] });
    expect(provenance.cells.find((c: { key: string }) => c.key === 'A').items).toEqual([
      { kind: 'project', itemId: 'P1' },
    ]);
    const [p1] = provenance.items;
    expect(p1.decisions.map((d: { event: string }) => d.event)).toEqual([
      'ActualSubmitted',
      'ItemRated',
      'SubmissionApproved',
    ]);
    expect(p1.decisions[2]).toMatchObject({
      role: 'council_member',
      decision: 'approved',
      at: expect.any(String),
      office: expect.any(String),
    });
    expect(JSON.stringify(provenance)).not.toMatch(/"actor"|staff-hoiku|"iin"/); // offices, not accounts
  });

  it("links the HTML report's summary numbers to the provenance page, whose anchors exist", async () => {
    const html = (await api.http.get(`${PUBLISHED}?format=html`).expect(200)).text;
    const links = [...html.matchAll(/href="([^"]*\/provenance\?format=html)#(cell-[^"]+)"/g)];
    expect(links.length).toBeGreaterThan(0);
    const page = (
      await api.http
        .get(links[0][1])
        .expect(200)
        .expect('Content-Type', /text\/html/)
    ).text;
    for (const [, , anchor] of links) expect(page).toContain(`id="${anchor}"`);
    expect(page).toContain('id="item-project-P1"');
    expect(page).toContain('承認');
  });

  it('gives the current year to the roles overseeing the cycle only, with the accounts that acted', async () => {
    const current = (await (await api.as('kikaku')).get(`${W}/cycles/2022/report/provenance`).expect(200)).body;
    expect(current.items.find((i: { itemId: string }) => i.itemId === 'P1').decisions[0]).toMatchObject({
      event: 'ActualSubmitted',
      actor: 'staff-hoiku',
    });
    await (await api.as('staff-hoiku')).get(`${W}/cycles/2022/report/provenance`).expect(403);
    await api.http.get(`${W}/cycles/2022/report/provenance`).expect(401);
    await api.http.get('/public/wards/nerima/reports/2022/provenance').expect(404);
  });
});
