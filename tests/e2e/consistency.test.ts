import { ProjectionRunner } from '@pdca/projections';
import { SqliteEventStore } from '@pdca/event-store';
import { openPersonalDataStore } from '@pdca/platform';
import { join } from 'node:path';
import { ProjectionsService } from '../../apps/api/src/projections/projections.service';
import { ApiHarness } from '../support/api-harness';
import { ManualClock } from '../support/manual-clock';
import { registerSampleCatalogue } from '../support/sample-catalogue';
import { PROJECTS, USERS } from '../support/sample-ward';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;

describe('consistency: idempotency, optimistic concurrency, read-your-writes, as-known-at, rebuilds', () => {
  const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start(USERS, { clock });
    await registerSampleCatalogue(api);
    const kikaku = await api.as('kikaku');
    await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
  });
  afterAll(() => api.stop());

  const headPosition = async () => (await api.http.get('/health/ready')).body.details.eventStore.head as number;

  it('returns the first result for a retried command with the same Idempotency-Key and appends nothing', async () => {
    const hoiku = await api.as('staff-hoiku');
    const send = () =>
      hoiku
        .post(`${FY}/projects/P04/submission`, { actual: { text: '9所' }, rating: { scheme: 'nerima', grade: 'A' } })
        .set('Idempotency-Key', 'submit-P04-2022-0001');
    const first = await send().expect(200);
    const head = await headPosition();
    const retry = await send().expect(200);
    expect(retry.body).toMatchObject({
      replayed: true,
      revision: first.body.revision,
      position: first.body.position,
      events: ['ActualSubmitted', 'ItemRated'],
    });
    expect(await headPosition()).toBe(head);
  });

  it('answers a stale If-Match with 409 and the current revision, and accepts the current one', async () => {
    const hoiku = await api.as('staff-hoiku');
    const current = await hoiku.get(`${FY}/projects/P04`).expect(200);
    expect(current.headers.etag).toBe('"1"');
    const stale = await hoiku
      .put(`${FY}/projects/P04/rating`, { rating: { scheme: 'nerima', grade: 'A+', note: '前倒し' } })
      .set('If-Match', '"0"');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_REVISION', details: { currentRevision: 1 } });
    expect(stale.headers.etag).toBe('"1"');
    await hoiku
      .put(`${FY}/projects/P04/rating`, { rating: { scheme: 'nerima', grade: 'A+', note: '前倒し' } })
      .set('If-Match', current.headers.etag)
      .expect(200);
  });

  it('reflects a command in its own response and lets later reads wait for its position', async () => {
    const hoiku = await api.as('staff-hoiku');
    const draft = await hoiku.put(`${FY}/projects/P05/draft`, { actual: { text: '下書き' } }).expect(200);
    expect(draft.body.item).toMatchObject({ status: 'draft', actual: { text: '下書き' } });
    const position = Number(draft.headers['x-position']);
    const read = await hoiku.get(`${FY}/items?minPosition=${position}`).expect(200);
    expect(read.body.position).toBeGreaterThanOrEqual(position);
    const tooFar = await hoiku.get(`${FY}/items?minPosition=${position + 1_000_000}`);
    expect(tooFar.status).toBe(503);
    expect(tooFar.body.code).toBe('NOT_YET_CONSISTENT');
  }, 20_000);

  it('lets sections work in parallel without a single conflict', async () => {
    const sections = ['kosodate', 'gakumu', 'keikaku'];
    const mine = PROJECTS.filter((p) => sections.includes(p.sectionId));
    const responses = await Promise.all(
      mine.map(async (project) => {
        const staff = await api.as(`staff-${project.sectionId}`);
        return staff.post(`${FY}/projects/${project.projectId}/submission`, { actual: { text: '実施' } });
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(mine.map(() => 200));
  });

  it('rejects bad input with 400 naming the field, in Japanese and English, and appends nothing', async () => {
    const hoiku = await api.as('staff-hoiku');
    const head = await headPosition();
    const bad = await hoiku.post(`${FY}/projects/P06/submission`, {
      actual: { text: 'x'.repeat(5_000) },
      rating: { scheme: 'nerima', grade: 'Z' },
      admin: true,
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.details.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['admin', 'actual.text', 'rating.grade']));
    expect(bad.body.message.ja).toMatch(/actual\.text が長すぎます/);
    expect(bad.body.message.en).toMatch(/actual\.text/);
    const wrongType = await hoiku
      .post(`${FY}/projects/P06/submission`)
      .set('Content-Type', 'text/plain')
      .send('actual=1');
    expect(wrongType.status).toBe(415);
    const malformed = await hoiku
      .post(`${FY}/projects/P06/submission`)
      .set('Content-Type', 'application/json')
      .send('{"actual":');
    expect(malformed.status).toBe(400);
    const rule = await hoiku.post(`${FY}/projects/P06/submission`, {
      actual: { text: '工事' },
      rating: { scheme: 'nerima', grade: 'B' },
    });
    expect(rule.status).toBe(422);
    expect(rule.body).toMatchObject({ code: 'FIELD_REQUIRED', field: 'rating.bReason' });
    const other = await hoiku.post(`${FY}/projects/P11/submission`, { actual: { text: '実施' } });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('NOT_YOUR_SECTION');
    expect(await headPosition()).toBe(head);
  });

  it('shows the summary as known at a past moment and the difference to today', async () => {
    const kansa = await api.as('kansa');
    const meetingDay = clock.now().toISOString();
    clock.advanceDays(1);
    const gakumu = await api.as('staff-gakumu');
    await gakumu.put(`${FY}/projects/P11/rating`, { rating: { scheme: 'nerima', grade: 'A' } }).expect(200);
    const asKnownOnMeetingDay = await kansa.get(`${FY}/report?asOf=${encodeURIComponent(meetingDay)}`).expect(200);
    const past = await kansa.get(`${FY}/report?position=${(await headPosition()) - 1}`).expect(200);
    const now = await kansa.get(`${FY}/report`).expect(200);
    const aCount = (body: { summary: { rows: Array<{ key: string; count: number }> } }) =>
      body.summary.rows.find((r) => r.key === 'A')!.count;
    expect(aCount(now.body)).toBe(aCount(past.body) + 1);
    expect(aCount(asKnownOnMeetingDay.body)).toBe(aCount(past.body));
    const difference = await kansa.get(`${FY}/report/difference?position=${(await headPosition()) - 1}`).expect(200);
    expect(difference.body.projects).toEqual([
      { projectId: 'P11', name: '不登校対策の見直し', field: 'rating', then: '', now: 'A' },
    ]);
    expect(difference.body.summary).toEqual(
      expect.arrayContaining([{ key: 'A', then: aCount(past.body), now: aCount(now.body) }]),
    );
  });

  it('serves the current report fresh after every change, though it is built once per change of the ward', async () => {
    const kansa = await api.as('kansa');
    const before = await kansa.get(`${FY}/report`).expect(200);
    expect((await kansa.get(`${FY}/report`).expect(200)).body).toEqual(before.body);
    const gakumu = await api.as('staff-gakumu');
    await gakumu
      .put(`${FY}/projects/P11/rating`, { rating: { scheme: 'nerima', grade: 'A+', note: '前倒しで完了' } })
      .expect(200);
    const after = await kansa.get(`${FY}/report`).expect(200); // a command answers once its effect is projected
    const count = (body: typeof before.body, key: string) =>
      (body.summary.rows as Array<{ key: string; count: number }>).find((r) => r.key === key)!.count;
    expect([count(after.body, 'A+'), count(after.body, 'A')]).toEqual([
      count(before.body, 'A+') + 1,
      count(before.body, 'A') - 1,
    ]);
  });

  it('rebuilds the read models from zero equal to the live ones', async () => {
    const store = openPersonalDataStore(new SqliteEventStore(join(api.dir, 'events.db')), api.dir); // texts opened as the API reads them
    const rebuilt = await ProjectionRunner.rebuild(store);
    await store.close();
    const service = api.app.get(ProjectionsService);
    await service.waitFor(rebuilt.position);
    expect(rebuilt.position).toBe(service.position);
    expect(rebuilt.wards).toEqual(service.models.wards);
  });
});
