import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore, verifyStore } from '@pdca/audit';
import {
  ERASED_MARK,
  erasePersonalTexts,
  findPersonalTexts,
  KeyStore,
  NewEvent,
  PersonalDataEventStore,
  scanPersonalTexts,
  SqliteEventStore,
  storedForm,
} from '@pdca/event-store';
import { describeEventStoreBehaviour } from '../event-store/event-store.behaviour';

const NAME = '山田太郎';
const item = { wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId: 'P01-001' };
const metadata = () => ({
  actor: 'kikaku',
  role: 'planning_office',
  wardId: 'nerima',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  recordedAt: '2023-05-01T00:00:00.000Z',
});
const event = (type: string, data: unknown): NewEvent => ({ id: randomUUID(), type, data, metadata: metadata() });

/** The files an erased text must be absent from: every file of DATA_DIR (log, WAL, keys). */
const bytesOfDir = (dir: string) =>
  ['events.db', 'events.db-wal', 'keys.db', 'keys.db-wal']
    .map((f) => join(dir, f))
    .filter(existsSync)
    .map((f) => readFileSync(f));
const holds = (files: Buffer[], needle: Buffer) => files.some((bytes) => bytes.includes(needle));

describeEventStoreBehaviour(
  'SQLite behind the personal-data layer',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-pd-'));
    const store = new PersonalDataEventStore(
      new SqliteEventStore(join(dir, 'events.db')),
      new KeyStore(join(dir, 'keys.db')),
    );
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { rejectsIdsFromOtherStreams: true, tellsRepeats: true },
);

describe('personal texts sealed at the edge, erasable without breaking the chains', () => {
  let dir: string;
  let store: PersonalDataEventStore;
  const open = () =>
    new PersonalDataEventStore(
      new ChainedEventStore(new SqliteEventStore(join(dir, 'events.db'))),
      new KeyStore(join(dir, 'keys.db')),
    );

  const eraseAsPlanningOffice = (found: Awaited<ReturnType<typeof findPersonalTexts>>, reason: string) =>
    erasePersonalTexts(store, found, {
      wardId: 'nerima',
      reason,
      actor: 'kikaku',
      role: 'planning_office',
      now: new Date(),
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdca-pd-'));
    store = open();
    await store.append(
      'evaluation-nerima-2022-project-P01-001',
      [
        event('ItemRated', {
          item,
          rating: { scheme: 'nerima', grade: 'B', bReason: 'other', note: `${NAME}氏の退職により遅延` },
        }),
        event('SubmissionReturned', { item, comments: `${NAME}さんに確認してください` }),
        event('SubmissionApproved', { item, comment: '確認しました' }),
      ],
      { expectedRevision: 'no_stream' },
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given texts appended, then the store holds them sealed, the reader sees them whole and the chains verify', async () => {
    const read = await store.readStream('evaluation-nerima-2022-project-P01-001');
    expect(read.map((e) => e.data)).toMatchObject([
      { rating: { grade: 'B', bReason: 'other', note: `${NAME}氏の退職により遅延` } },
      { comments: `${NAME}さんに確認してください` },
      { comment: '確認しました' },
    ]);
    const stored = await storedForm(store).readStream('evaluation-nerima-2022-project-P01-001');
    expect(stored[0].data).toMatchObject({ rating: { bReason: 'other', note: { $personal: 'aes-256-gcm' } } });
    expect(holds(bytesOfDir(dir), Buffer.from(NAME))).toBe(false);
    expect(await verifyStore(store)).toMatchObject({ intact: true, events: 3 });
  });

  it('given a name erased, then every text that held it reads as the mark, the others stay, the chains verify and no file holds the name or its keys', async () => {
    const found = await findPersonalTexts(store, { wardId: 'nerima', contains: '山田 太郎' });
    expect(found.map((f) => f.field)).toEqual(['rating.note', 'comments']);
    const keys = found.map((f) => store.keys.keyOf(f.kid)!);
    await eraseAsPlanningOffice(found, '本人からの削除請求');
    await store.close();

    store = open();
    const read = await store.readStream('evaluation-nerima-2022-project-P01-001');
    expect(read.map((e) => e.data)).toMatchObject([
      { rating: { grade: 'B', note: ERASED_MARK } },
      { comments: ERASED_MARK },
      { comment: '確認しました' },
    ]);
    const [erasure] = await store.readStream('erasure-nerima');
    expect(erasure.data).toMatchObject({
      texts: [{ field: 'rating.note' }, { field: 'comments' }],
      reason: '本人からの削除請求',
    });
    expect(await verifyStore(store)).toMatchObject({ intact: true, events: 4 });
    const files = bytesOfDir(dir);
    expect(holds(files, Buffer.from(NAME))).toBe(false);
    for (const key of keys) expect(holds(files, key)).toBe(false);
    expect(await findPersonalTexts(store, { wardId: 'nerima', contains: NAME })).toEqual([]);
  });

  it("given texts just appended, then a subscription's read opens each in its place, as a read with their keys does", async () => {
    const withKeys = (await store.readAll({ after: 0 })).map((e) => e.data);
    expect(withKeys[0]).toMatchObject({ rating: { note: `${NAME}氏の退職により遅延` } });
    expect((await store.readAll({ after: 0, following: true })).map((e) => e.data)).toEqual(withKeys);
    expect((await store.readAll({ after: 0, following: true })).map((e) => e.data)).toEqual(withKeys);
  });

  it("given texts erased in this process before any subscription read them back, then a subscription's read shows the mark", async () => {
    const found = await findPersonalTexts(store, { wardId: 'nerima', contains: NAME });
    await eraseAsPlanningOffice(found, '本人からの削除請求');
    const read = await store.readAll({ after: 0, following: true });
    expect(read.map((e) => e.data)).toMatchObject([
      { rating: { note: ERASED_MARK } },
      { comments: ERASED_MARK },
      { comment: '確認しました' },
      { reason: '本人からの削除請求' },
    ]);
  });

  it('given one field named by event and path, then only that text is erased', async () => {
    const [rated] = await store.readStream('evaluation-nerima-2022-project-P01-001');
    const found = await findPersonalTexts(store, {
      wardId: 'nerima',
      fields: [{ eventId: rated.id, field: 'rating.note' }],
    });
    await eraseAsPlanningOffice(found, '削除請求');
    const read = await store.readStream('evaluation-nerima-2022-project-P01-001');
    expect([
      (read[0].data as { rating: { note: string } }).rating.note,
      (read[1].data as { comments: string }).comments,
    ]).toEqual([ERASED_MARK, `${NAME}さんに確認してください`]);
  });

  it('given a text stored before sealing existed, then the scan names it apart (not erasable) and finds the sealed ones as before', async () => {
    const old = event('SubmissionReturned', { item, comments: `${NAME}さんの件（封印導入前）` });
    await storedForm(store).append('evaluation-nerima-2022-project-P01-001', [old], { expectedRevision: 'any' });
    const { sealed, unsealed } = await scanPersonalTexts(store, { wardId: 'nerima', contains: NAME });
    expect(sealed.map((f) => f.field)).toEqual(['rating.note', 'comments']);
    expect(unsealed).toEqual([
      expect.objectContaining({ eventId: old.id, field: 'comments', text: `${NAME}さんの件（封印導入前）` }),
    ]);
    const named = await scanPersonalTexts(store, {
      wardId: 'nerima',
      fields: [{ eventId: old.id, field: 'comments' }],
    });
    expect([named.sealed, named.unsealed.map((t) => t.eventId)]).toEqual([[], [old.id]]);
    expect(await findPersonalTexts(store, { wardId: 'nerima', contains: NAME })).toHaveLength(2);
  });

  it("given another ward's selection, then nothing of this ward is found", async () => {
    expect(await findPersonalTexts(store, { wardId: 'taisho', contains: NAME })).toEqual([]);
  });

  it('given a backup of the keys taken before an erasure, when merged back, then the erased text stays erased', async () => {
    await store.keys.backupTo(join(dir, 'keys-backup.db'));
    const found = await findPersonalTexts(store, { wardId: 'nerima', contains: NAME });
    await eraseAsPlanningOffice(found, '削除請求');
    expect(store.keys.mergeFrom(join(dir, 'keys-backup.db'))).toBe(0);
    expect(await findPersonalTexts(store, { wardId: 'nerima', contains: NAME })).toEqual([]);
  });
});
