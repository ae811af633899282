import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pdca/event-store';
import { ProjectionRunner } from '@pdca/projections';
import { ProjectionsService } from '../../apps/api/src/projections/projections.service';
import { ApiHarness } from '../support/api-harness';
import { PILLARS, PLANS, SECTIONS, USERS } from '../support/sample-ward';

describe('projection checkpoints: snapshot at shutdown, resume after restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-snapshot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes from the snapshot and its position, equal to a rebuild from zero', async () => {
    const first = await ApiHarness.start(USERS, { dir });
    const kikaku = await first.as('kikaku');
    for (const section of SECTIONS) await kikaku.post('/wards/nerima/catalogue/sections', section).expect(200);
    await first.stop(false);
    expect(existsSync(join(dir, 'projections.snapshot'))).toBe(true);

    const second = await ApiHarness.start(USERS, { dir });
    const projections = second.app.get(ProjectionsService);
    expect(projections.startedFromSnapshot).toBe(true);
    const more = await second.as('kikaku');
    for (const pillar of PILLARS) await more.post('/wards/nerima/catalogue/pillars', pillar).expect(200);
    await more.post('/wards/nerima/catalogue/plans', PLANS[0]).expect(200);
    const store = new SqliteEventStore(join(dir, 'events.db'));
    const rebuilt = await ProjectionRunner.rebuild(store);
    await store.close();
    expect(projections.models).toEqual(rebuilt);
    await second.stop(false);
  }, 120_000); // two API starts and a rebuild: over 30 s once in a full run on the shared 2-core machine

  it('ignores a snapshot that belongs to another store', async () => {
    rmSync(join(dir, 'events.db'));
    rmSync(join(dir, 'events.db-wal'), { force: true });
    rmSync(join(dir, 'events.db-shm'), { force: true });
    const api = await ApiHarness.start(USERS, { dir });
    const kikaku = await api.as('kikaku');
    await kikaku.post('/wards/nerima/catalogue/sections', SECTIONS[0]).expect(200);
    const catalogue = await kikaku.get('/wards/nerima/catalogue').expect(200);
    expect(Object.keys(catalogue.body.sections)).toEqual(['hoiku']);
    expect(catalogue.body.pillars).toEqual({});
    await api.stop(false);
  }, 120_000);
});
