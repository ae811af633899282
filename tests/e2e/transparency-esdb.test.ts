import { EVENT_STORE, EventStore } from '@pdca/event-store';
import {
  consistencyProofFromJson,
  eventLeafHash,
  inclusionProofFromJson,
  parseVerifierKey,
  verifyTransparency,
} from '@pdca/transparency';
import { ApiHarness } from '../support/api-harness';
import { FakeEsdb, startFakeEsdb } from '../support/fake-esdb';

const T = '/public/transparency';

/** The same log on the EventStoreDB adapter: its `$all` order, positions that are byte offsets (not 1, 2, 3…). */
describe('signed checkpoints over the EventStoreDB adapter (fake server)', () => {
  let server: FakeEsdb;
  let api: ApiHarness;
  beforeAll(async () => {
    server = await startFakeEsdb();
    api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }], {
      env: { EVENTSTORE_URL: server.connectionString },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await server?.stop();
  });

  const addSection = async (sectionId: string) =>
    (await api.as('kikaku'))
      .post('/wards/nerima/catalogue/sections', { sectionId, department: '部', name: `課${sectionId}` })
      .expect(200);
  const checkpoint = async () => {
    const note = (await api.http.get(`${T}/checkpoint`).expect(200)).text;
    return { note, size: Number(note.split('\n')[1]) };
  };

  it('proves consistency between two checkpoints and the inclusion of an event found by its $all position', async () => {
    const keys = (await api.http.get(`${T}/keys`).expect(200)).body.keys.map((k: { verifierKey: string }) =>
      parseVerifierKey(k.verifierKey)!,
    );
    for (const id of ['s1', 's2']) await addSection(id);
    const first = await checkpoint();
    for (const id of ['s3', 's4', 's5']) await addSection(id);
    const second = await checkpoint();
    expect([first.size, second.size]).toEqual([2, 5]);

    const consistency = consistencyProofFromJson(
      (await api.http.get(`${T}/proofs/consistency?from=2&to=5`).expect(200)).body,
    )!;
    expect(
      verifyTransparency({ keys, checkpoint: second.note, consistency: { older: first.note, proof: consistency } })
        .valid,
    ).toBe(true);

    const events = await api.app.get<EventStore>(EVENT_STORE).readAll();
    const chosen = events[3];
    expect(chosen.position).not.toBe(4); // byte offsets: the leaf index is found by search, not by arithmetic
    const body = (await api.http.get(`${T}/proofs/inclusion?position=${chosen.position}&treeSize=5`).expect(200)).body;
    expect(body.leafIndex).toBe(3);
    const proof = inclusionProofFromJson(body)!;
    expect(
      verifyTransparency({ keys, checkpoint: second.note, inclusion: { ...proof, leafHash: eventLeafHash(chosen) } })
        .valid,
    ).toBe(true);
    await api.http.get(`${T}/proofs/inclusion?position=${chosen.position + 1}&treeSize=5`).expect(404);
  });
});
