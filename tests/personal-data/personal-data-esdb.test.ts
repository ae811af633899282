import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore, verifyStore } from '@pdca/audit';
import {
  connectEventStoreDb,
  ERASED_MARK,
  erasePersonalTexts,
  findPersonalTexts,
  KeyStore,
  PersonalDataEventStore,
  storedForm,
} from '@pdca/event-store';
import { FakeEsdb, startFakeEsdb } from '../support/fake-esdb';

const NAME = '石神井三郎';
const STREAM = 'evaluation-nerima-2022-project-P9';

describe('the personal-data layer over the EventStoreDB adapter (fake server)', () => {
  let server: FakeEsdb;
  let dir: string;
  let store: PersonalDataEventStore;
  beforeAll(async () => {
    server = await startFakeEsdb();
    dir = mkdtempSync(join(tmpdir(), 'pdca-pd-esdb-'));
    store = new PersonalDataEventStore(
      new ChainedEventStore(connectEventStoreDb(server.connectionString)),
      new KeyStore(join(dir, 'personal-data-keys.db')),
    );
  });
  afterAll(async () => {
    await store?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a comment naming someone, when erased, then it reads as the mark, EventStoreDB holds it only sealed and the chains verify', async () => {
    const item = { wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId: 'P9' };
    const metadata = {
      actor: 'iin',
      role: 'council_member',
      wardId: 'nerima',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: '2023-05-01T00:00:00.000Z',
    };
    await store.append(
      STREAM,
      [
        {
          id: randomUUID(),
          type: 'SubmissionReturned',
          data: { item, comments: `${NAME}さんの名前を削ってください` },
          metadata,
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    expect(JSON.stringify(await storedForm(store).readAll())).not.toContain(NAME);
    expect(((await store.readStream(STREAM))[0].data as { comments: string }).comments).toContain(NAME);

    await erasePersonalTexts(store, await findPersonalTexts(store, { wardId: 'nerima', contains: NAME }), {
      wardId: 'nerima',
      reason: '削除請求',
      actor: 'kikaku',
      role: 'planning_office',
      now: new Date(),
    });
    expect(((await store.readStream(STREAM))[0].data as { comments: string }).comments).toBe(ERASED_MARK);
    expect(await verifyStore(store)).toMatchObject({ intact: true, events: 2 });
  });
});
