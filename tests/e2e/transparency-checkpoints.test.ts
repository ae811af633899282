import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore, RecordedEvent } from '@pdca/event-store';
import {
  consistencyProofFromJson,
  eventLeafHash,
  inclusionProofFromJson,
  NoteVerifierKey,
  parseVerifierKey,
  verifyTransparency,
} from '@pdca/transparency';
import { checkpointVerifyCommand } from '../../apps/cli/src/checkpoint-verify.command';
import { ApiHarness } from '../support/api-harness';

const W = '/wards/nerima';
const USERS = [{ username: 'kikaku', role: 'planning_office' as const }];
const T = '/public/transparency';

/**
 * An auditor's view: only the public endpoints' answers and the public key. Checkpoints kept
 * before an insider edits the SQLite file expose the edit once the log is rebuilt.
 */
describe('signed checkpoints: consistency, inclusion, and an insider edit of the stored file', () => {
  let api: ApiHarness;
  const files = mkdtempSync(join(tmpdir(), 'pdca-kept-'));
  const kept = (name: string, content: string) => {
    const path = join(files, name);
    writeFileSync(path, content);
    return path;
  };
  let keys: NoteVerifierKey[];
  let keysJson: string;
  let first: { note: string; size: number };
  let second: { note: string; size: number };
  let chosen: RecordedEvent;

  const checkpoint = async () => {
    const response = await api.http
      .get(`${T}/checkpoint`)
      .expect(200)
      .expect('Content-Type', /^text\/plain/);
    return { note: response.text, size: Number(response.text.split('\n')[1]) };
  };
  const addSection = async (sectionId: string) =>
    (await api.as('kikaku'))
      .post(`${W}/catalogue/sections`, { sectionId, department: '部', name: `課${sectionId}` })
      .expect(200);
  const cli = (args: Parameters<typeof checkpointVerifyCommand>[0]) => {
    const lines: string[] = [];
    const code = checkpointVerifyCommand(args, (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  };

  beforeAll(async () => {
    api = await ApiHarness.start(USERS);
    for (const id of ['s1', 's2', 's3']) await addSection(id);
  });
  afterAll(async () => {
    await api.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('publishes the public key and a checkpoint it verifies, without sign-in', async () => {
    const response = await api.http.get(`${T}/keys`).expect(200);
    keysJson = JSON.stringify(response.body);
    keys = response.body.keys.map((k: { verifierKey: string }) => parseVerifierKey(k.verifierKey)!);
    expect(response.body.keys).toEqual([
      expect.objectContaining({ algorithm: 'Ed25519', name: 'localhost:3000/transparency' }),
    ]);
    first = await checkpoint();
    expect(first.size).toBe(3);
    expect(verifyTransparency({ keys, checkpoint: first.note, origin: 'localhost:3000/transparency' })).toMatchObject({
      valid: true,
      checkpoint: { treeSize: 3 },
    });
  });

  it('after more commands, a later checkpoint is consistent with the earlier one', async () => {
    for (const id of ['s4', 's5']) await addSection(id);
    second = await checkpoint();
    expect(second.size).toBe(5);
    const proof = (await api.http.get(`${T}/proofs/consistency?from=${first.size}&to=${second.size}`).expect(200)).body;
    expect(
      verifyTransparency({
        keys,
        checkpoint: second.note,
        consistency: { older: first.note, proof: consistencyProofFromJson(proof)! },
      }).valid,
    ).toBe(true);
  });

  it('a chosen event, as the auditor holds it, is in both checkpoints’ logs', async () => {
    chosen = (await api.app.get<EventStore>(EVENT_STORE).readAll())[1]; // section s2, logged before the first checkpoint
    for (const { note, size } of [first, second]) {
      const body = (
        await api.http.get(`${T}/proofs/inclusion?position=${chosen.position}&treeSize=${size}`).expect(200)
      ).body;
      expect(body).toMatchObject({ position: chosen.position, leafIndex: 1, treeSize: size });
      const proof = inclusionProofFromJson(body)!;
      expect(proof.leafHash.equals(eventLeafHash(chosen))).toBe(true);
      expect(
        verifyTransparency({ keys, checkpoint: note, inclusion: { ...proof, leafHash: eventLeafHash(chosen) } }).valid,
      ).toBe(true);
    }
  });

  it('pdca checkpoint-verify says the same from kept files alone', async () => {
    const consistency = (await api.http.get(`${T}/proofs/consistency?from=${first.size}&to=${second.size}`).expect(200))
      .text;
    const inclusion = (
      await api.http.get(`${T}/proofs/inclusion?position=${chosen.position}&treeSize=${second.size}`).expect(200)
    ).text;
    const args = {
      checkpoint: kept('second.txt', second.note),
      key: [kept('keys.json', keysJson)],
      older: kept('first.txt', first.note),
      consistency: kept('consistency-first-second.json', consistency),
      inclusion: kept('inclusion.json', inclusion),
      event: kept('event.json', JSON.stringify(chosen)),
      json: false,
    };
    const valid = cli(args);
    expect(valid).toEqual({
      code: 0,
      output: expect.stringMatching(
        /^valid — .*5 entries[\s\S]*inclusion: the given event is in this log[\s\S]*prefix of this one/,
      ),
    });
    const forgedRoot = second.note.replace(second.note.split('\n')[2], first.note.split('\n')[2]);
    expect(cli({ ...args, checkpoint: kept('forged.txt', forgedRoot) })).toEqual({
      code: 1,
      output: expect.stringMatching(/^INVALID BAD_SIGNATURE/),
    });
    expect(cli({ ...args, key: ['not-a-key'] })).toMatchObject({ code: 2 });
  });

  it('checkpoints fetched while commands run are each a prefix of the log that follows', async () => {
    const [notes] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => checkpoint())),
      Promise.all(['p1', 'p2', 'p3', 'p4'].map(addSection)),
    ]);
    const last = await checkpoint();
    expect(last.size).toBe(second.size + 4);
    for (const { note, size } of notes) {
      const proof = consistencyProofFromJson(
        (await api.http.get(`${T}/proofs/consistency?from=${size}&to=${last.size}`).expect(200)).body,
      )!;
      expect(verifyTransparency({ keys, checkpoint: last.note, consistency: { older: note, proof } }).valid).toBe(true);
    }
    second = last;
  });

  it('answers a size the log has not reached, or an unknown position, with the one error shape', async () => {
    const tooLarge = await api.http.get(`${T}/proofs/consistency?from=1&to=${second.size + 1}`).expect(400);
    expect(tooLarge.body).toMatchObject({
      code: 'TRANSPARENCY_TREE_SIZE_UNKNOWN',
      field: 'to',
      message: { ja: expect.any(String), en: expect.any(String) },
    });
    const unknown = await api.http.get(`${T}/proofs/inclusion?position=999&treeSize=${second.size}`).expect(404);
    expect(unknown.body).toMatchObject({ code: 'TRANSPARENCY_EVENT_NOT_FOUND', field: 'position' });
    const later = await api.http.get(`${T}/proofs/inclusion?position=${chosen.position + 3}&treeSize=3`).expect(400);
    expect(later.body).toMatchObject({ code: 'TRANSPARENCY_EVENT_AFTER_TREE', field: 'treeSize' });
    const notNumber = await api.http.get(`${T}/proofs/inclusion?position=abc&treeSize=5`).expect(400);
    expect(notNumber.body).toMatchObject({ field: 'position' });
  });

  it('an insider edits an event’s data in the SQLite file: the rebuilt log no longer matches the kept checkpoints', async () => {
    await api.stop(false);
    const db = new Database(join(api.dir, 'events.db'));
    const row = db.prepare('SELECT data FROM events WHERE position = ?').get(chosen.position) as { data: string };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
      row.data.replace('課s2', '課s2（改）'),
      chosen.position,
    );
    db.close();
    api = await ApiHarness.start(USERS, { dir: api.dir });

    const rebuilt = await checkpoint();
    expect(rebuilt.size).toBe(second.size);
    expect(verifyTransparency({ keys, checkpoint: rebuilt.note }).valid).toBe(true); // the service still signs what it reads…
    const sameSize = consistencyProofFromJson(
      (await api.http.get(`${T}/proofs/consistency?from=${second.size}&to=${rebuilt.size}`).expect(200)).body,
    )!;
    expect(
      verifyTransparency({ keys, checkpoint: rebuilt.note, consistency: { older: second.note, proof: sameSize } }),
    ).toMatchObject({ valid: false, problem: { code: 'ROOT_CHANGED_AT_SAME_SIZE' } }); // …but not what it signed before

    await addSection('s6');
    const later = await checkpoint();
    const fromFirst = (await api.http.get(`${T}/proofs/consistency?from=${first.size}&to=${later.size}`).expect(200))
      .text;
    const verdict = cli({
      checkpoint: kept('later.txt', later.note),
      key: [kept('keys.json', keysJson)],
      older: kept('first.txt', first.note),
      consistency: kept('consistency-first-later.json', fromFirst),
      json: false,
    });
    expect(verdict).toEqual({ code: 1, output: expect.stringMatching(/^INVALID NOT_A_PREFIX — [\s\S]*not a prefix/) });

    const inclusion = inclusionProofFromJson(
      (await api.http.get(`${T}/proofs/inclusion?position=${chosen.position}&treeSize=${later.size}`).expect(200)).body,
    )!;
    expect(inclusion.leafHash.equals(eventLeafHash(chosen))).toBe(false);
    expect(
      verifyTransparency({
        keys,
        checkpoint: later.note,
        inclusion: { ...inclusion, leafHash: eventLeafHash(chosen) },
      }),
    ).toMatchObject({ valid: false, problem: { code: 'NOT_INCLUDED' } });
  });
});
