import { ApiHarness, TestUser } from '../support/api-harness';
import { seedWard } from '../reliability/support/fuzz-ward';

const USERS: TestUser[] = [
  { username: 'kikaku', role: 'planning_office' },
  { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
  { username: 'iin', role: 'council_member' },
];

interface FeedCheckpoint {
  treeSize: number;
  reason: string;
}

/**
 * Issue 13: a checkpoint is signed right after every publication and correction. The projector tells the
 * signer on the @nestjs/cqrs EventBus (PublicationProjected); the interval is an hour here, so only that
 * message can have signed these checkpoints.
 */
describe('a checkpoint signed at each publication and correction', () => {
  let api: ApiHarness;

  afterAll(() => api?.stop());

  const feed = async () =>
    (
      (await api.http.get('/public/transparency/checkpoints').expect(200)).body.items as Array<{
        _checkpoint: FeedCheckpoint;
      }>
    ).map((item) => item._checkpoint);
  const signedFor = async (reason: string, position: number) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const found = (await feed()).find((c) => c.reason === reason && c.treeSize >= position);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  };

  it('given a published year, when it is corrected, then a publication and a correction checkpoint cover them', async () => {
    api = await ApiHarness.start(USERS, { env: { TRANSPARENCY_CHECKPOINT_INTERVAL_SECONDS: '3600' } });
    await seedWard(api); // FY2021 published
    const published = (await api.http.get('/public/wards/nerima/reports').expect(200)).body[0].versions[0] as {
      position: number;
    };
    expect(await signedFor('publication', published.position)).toBeDefined();
    expect(await signedFor('correction', published.position + 1)).toBeUndefined();

    const kikaku = await api.as('kikaku');
    await kikaku.post('/wards/nerima/cycles/2021/corrections', { reason: '取組P1の実績の誤記を訂正' }).expect(200);
    const corrected = (await api.http.get('/public/wards/nerima/reports').expect(200)).body[0].versions[1] as {
      position: number;
    };
    expect(await signedFor('correction', corrected.position)).toBeDefined();
  }, 180_000);
});
