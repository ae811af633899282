import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness } from '../support/api-harness';
import { rawBytes } from '../support/raw-bytes';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const REPORT = `/public${W}/reports/2022`;
const USERS = [
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'iin', role: 'council_member' as const },
  { username: 'hoiku', role: 'section_staff' as const, sectionId: 'hoiku' },
];
/** Every format a published version is served in; each must be the same bytes on every request. */
const FORMATS = ['pdf', 'html', 'json', 'csv&table=projects', 'csv&table=kpis', 'csv&table=summary', 'xlsx'];
/** README's promise: a published version renders to the same bytes, across requests and a rebuild from zero. */
describe('a published version renders to the same bytes in every format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-same-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fetchAll = async (api: ApiHarness) => {
    const bodies: Record<string, Buffer> = {};
    for (const format of FORMATS) {
      const response = await api.http.get(`${REPORT}?format=${format}`).buffer(true).parse(rawBytes);
      expect(response.status).toBe(200);
      bodies[format] = response.body as Buffer;
    }
    return bodies;
  };

  it('three requests, then a restart that rebuilds the read models from zero, give identical bytes', async () => {
    const first = await ApiHarness.start(USERS, { dir });
    const kikaku = await first.as('kikaku');
    await kikaku
      .post(`${W}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' })
      .expect(200);
    await kikaku
      .post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' })
      .expect(200);
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1', code: '1', title: '子育て', pillarId: 'I' }).expect(200);
    await kikaku
      .post(`${W}/catalogue/projects`, {
        projectId: 'P1',
        name: '保育所の増設',
        home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
        sectionId: 'hoiku',
        notSuitedForShortTermEvaluation: false,
      })
      .expect(200);
    await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
    await (
      await first.as('hoiku')
    )
      .post(`${FY}/projects/P1/submission`, { actual: { text: '9所' }, rating: { scheme: 'nerima', grade: 'A' } })
      .expect(200);
    await (await first.as('iin')).post(`${FY}/projects/P1/review`, { decision: 'approve' }).expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);

    const reference = await fetchAll(first);
    for (let request = 0; request < 2; request++) {
      // A second apart, so a clock read anywhere (a zip entry's time has 2-second steps) would show.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const again = await fetchAll(first);
      for (const format of FORMATS)
        expect({ format, same: again[format].equals(reference[format]) }).toEqual({ format, same: true });
    }
    await first.stop(false);

    rmSync(join(dir, 'projections.snapshot'), { force: true }); // no snapshot: the restart replays every event
    const second = await ApiHarness.start(USERS, { dir });
    expect(existsSync(join(dir, 'events.db'))).toBe(true);
    const rebuilt = await fetchAll(second);
    for (const format of FORMATS)
      expect({ format, same: rebuilt[format].equals(reference[format]) }).toEqual({ format, same: true });
    await second.stop(false);
  }, 120_000);
});
