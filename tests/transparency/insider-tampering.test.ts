import type Database from 'better-sqlite3';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { ed25519Signer, formatCheckpoint, formatVerifierKey, signNote, verifierKeyOf } from '@pdca/transparency';
import {
  appendForged,
  buildPublishedWorld,
  rotateKey,
  CHECKPOINTS,
  cliVerify,
  copyWorld,
  editStore,
  endpointVerify,
  movePosition,
  newKeyPem,
  rechainStream,
  rewritten,
  Row,
  rows,
  swapPositions,
} from './support/insider-world';

/**
 * Issue 13: an insider with write access to the SQLite file but not to the signing key. Each case
 * edits a copy of a published store directly, then `pdca verify` and `GET /audit/verification` must
 * say "not intact" and name what was done.
 */
describe('an insider edits the SQLite file: verify and the endpoint name what was done', () => {
  let world: string;
  const copies: string[] = [];
  const tampered = (edit: (db: Database.Database) => void, base = world): string => {
    const dir = copyWorld(base);
    copies.push(dir);
    editStore(dir, edit);
    return dir;
  };
  const published = (db: Database.Database) => rows(db, "type = 'ReportPublished'")[0];
  const pinnedStreamOf = (db: Database.Database): string => {
    const heads = JSON.parse(published(db).data).chainHeads as Record<string, { revision: number }>;
    return Object.keys(heads).find((stream) => stream.startsWith('evaluation-') && heads[stream].revision >= 1)!;
  };
  const openYearStream = (db: Database.Database): Row[] => {
    const stream = rows(db, "stream LIKE 'evaluation-nerima-2025-%' AND revision = 2")[0].stream;
    return rows(db, 'stream = ?', stream);
  };
  /** Both the CLI and the endpoint: not intact, and these kinds named. */
  const expectNamed = async (dir: string, kinds: string[]) => {
    const cli = await cliVerify(dir);
    expect(cli.code).toBe(1);
    expect(cli.kinds).toEqual(expect.arrayContaining(kinds));
    for (const kind of kinds) expect(cli.text).toContain(`${kind}:`);
    const endpoint = await endpointVerify(dir);
    expect(endpoint.intact).toBe(false);
    expect(endpoint.kinds).toEqual(expect.arrayContaining(kinds));
    if (!kinds.includes('checkpoint-not-signed')) expect(endpoint.signedOverTampering).toBe(false);
    return cli;
  };

  beforeAll(async () => {
    world = await buildPublishedWorld();
  }, 300_000);
  afterAll(() => {
    for (const dir of [world, ...copies]) rmSync(dir, { recursive: true, force: true });
  });

  it('given the untouched store, verify says intact, every link checked with the key, against every kept checkpoint', async () => {
    const untouched = copyWorld(world);
    copies.push(untouched);
    const verdict = await cliVerify(untouched);
    expect(verdict.text).toMatch(/^intact/);
    expect(verdict).toMatchObject({ code: 0, kinds: [], report: { intact: true, log: { keyed: true } } });
    expect(verdict.report.log.checkpointsChecked).toBeGreaterThanOrEqual(3); // upgrade, publication, rotation
  });

  // The 13 cases.
  it('swapping the global positions of two events of one stream: reordered', async () => {
    const dir = tampered((db) => {
      const [first, , third] = rows(db, 'stream = ?', pinnedStreamOf(db));
      swapPositions(db, first.position, third.position);
    });
    await expectNamed(dir, ['reordered']);
  });

  it('moving a submission to after CycleClosed: reordered', async () => {
    const dir = tampered((db) => {
      const closed = rows(db, "type = 'CycleClosed' AND stream LIKE '%2022%'")[0];
      const submission = rows(db, "type = 'ActualSubmitted' AND position < ?", closed.position)[0];
      const end = rows(db).at(-1)!.position;
      movePosition(db, submission.position, end + 1);
    });
    await expectNamed(dir, ['reordered']);
  });

  it("deleting a pinned stream's last event together with ReportPublished: removed", async () => {
    const dir = tampered((db) => {
      const stream = pinnedStreamOf(db);
      const last = rows(db, 'stream = ?', stream).at(-1)!;
      db.prepare('DELETE FROM events WHERE position IN (?, ?)').run(last.position, published(db).position);
    });
    await expectNamed(dir, ['removed']);
  });

  it('appending a forged event with a recomputed hash: forged', async () => {
    const dir = tampered((db) =>
      appendForged(db, {
        id: 'forged-1',
        stream: pinnedStreamOf(db),
        type: 'ItemRated',
        data: { rating: { achievement: 'A' } },
        actor: 'kikaku',
      }),
    );
    await expectNamed(dir, ['forged']);
  });

  it('deleting a whole unpinned stream: removed', async () => {
    const dir = tampered((db) => db.prepare('DELETE FROM events WHERE stream = ?').run(openYearStream(db)[0].stream));
    await expectNamed(dir, ['removed']);
  });

  it('inserting a whole unpinned stream: forged', async () => {
    const dir = tampered((db) => {
      for (const [i, type] of ['ActualSubmitted', 'SubmissionApproved'].entries()) {
        appendForged(db, {
          id: `inserted-${i}`,
          stream: 'evaluation-nerima-2025-project-P99-999',
          type,
          data: { actual: { text: '架空' } },
          actor: 'hoiku',
        });
      }
    });
    await expectNamed(dir, ['forged']);
  });

  it('rewriting a published event, rechaining its stream and the chain heads in ReportPublished: altered', async () => {
    const dir = tampered((db) => {
      const stream = pinnedStreamOf(db);
      const target = rows(db, 'stream = ?', stream)[0];
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        rewritten(target.data, '書き換え'),
        target.position,
      );
      rechainStream(db, stream);
      const publication = published(db);
      const data = JSON.parse(publication.data);
      const head = rows(db, 'stream = ?', stream).at(-1)!;
      data.chainHeads[stream] = { revision: head.revision, hash: JSON.parse(head.metadata).hash };
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), publication.position);
      rechainStream(db, publication.stream);
    });
    const verdict = await expectNamed(dir, ['altered', 'not-a-prefix']);
    expect(verdict.report.streams.intact).toBe(true); // the per-stream chains alone were fooled
  });

  it('deleting the tail of an unpublished stream: removed', async () => {
    const dir = tampered((db) =>
      db.prepare('DELETE FROM events WHERE position = ?').run(openYearStream(db).at(-1)!.position),
    );
    await expectNamed(dir, ['removed']);
  });

  // The extra list.
  it("one byte of one event's data: altered, and the checkpoints that cover it are no longer a prefix", async () => {
    const dir = tampered((db) => {
      const target = rows(db, "type = 'ActualSubmitted'")[3];
      const i = target.data.search(/\d/);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        `${target.data.slice(0, i)}${(Number(target.data[i]) + 1) % 10}${target.data.slice(i + 1)}`,
        target.position,
      );
    });
    await expectNamed(dir, ['altered', 'not-a-prefix']);
  });

  it.each([
    ['actor', 'someone-else'],
    ['role', 'auditor'],
    ['recordedAt', '2023-01-01T00:00:00.000Z'],
  ])('metadata (%s): altered', async (field, value) => {
    const dir = tampered((db) => {
      const target = rows(db, "type = 'SubmissionApproved'")[1];
      db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(
        JSON.stringify({ ...JSON.parse(target.metadata), [field]: value }),
        target.position,
      );
    });
    await expectNamed(dir, ['altered']);
  });

  it('dropping one event in the middle of the log: removed', async () => {
    const dir = tampered((db) => {
      const all = rows(db);
      db.prepare('DELETE FROM events WHERE position = ?').run(all[Math.floor(all.length / 2)].position);
    });
    await expectNamed(dir, ['removed']);
  });

  it("reordering two streams' events: reordered", async () => {
    const dir = tampered((db) => {
      const a = rows(db, "stream LIKE 'evaluation-nerima-2022-%'")[0];
      const b = rows(db, "stream LIKE 'evaluation-nerima-2022-%' AND stream <> ?", a.stream)[0];
      swapPositions(db, a.position, b.position);
    });
    await expectNamed(dir, ['reordered']);
  });

  it("truncating the tail after the last checkpoint: truncated while SQLite's sequence remembers it; unseen once the sequence is rewound too", async () => {
    const lastThree = (db: Database.Database) =>
      rows(db)
        .slice(-3)
        .map((r) => r.position);
    const dir = tampered((db) => db.prepare(`DELETE FROM events WHERE position IN (${lastThree(db).join(',')})`).run());
    await expectNamed(dir, ['truncated']);
    // The blind spot the README states: events after the last checkpoint, removed together with the sequence.
    const rewound = tampered((db) => {
      const positions = lastThree(db);
      db.prepare(`DELETE FROM events WHERE position IN (${positions.join(',')})`).run();
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(positions[0] - 1);
    });
    expect((await cliVerify(rewound)).code).toBe(0);
    // One event further back, the last checkpoint is cut: truncated again.
    const deeper = tampered((db) => {
      const positions = rows(db)
        .slice(-5)
        .map((r) => r.position);
      db.prepare(`DELETE FROM events WHERE position IN (${positions.join(',')})`).run();
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(positions[0] - 1);
    });
    expect((await cliVerify(deeper)).kinds).toEqual(expect.arrayContaining(['truncated']));
  }, 120_000); // three copies verified and an API started: over 30 s on the shared machine under load

  it('after a key rotation, the old checkpoints verify with the old key the rotation event names', async () => {
    const dir = copyWorld(world);
    copies.push(dir);
    await rotateKey(dir);
    const verdict = await cliVerify(dir);
    expect(verdict).toMatchObject({ code: 0, kinds: [] });
    expect(verdict.report.log.checkpointsChecked).toBeGreaterThanOrEqual(4);
  });

  it("replacing the signing key's public half in the database: altered, and the old checkpoints no longer verify", async () => {
    const insiderKey = formatVerifierKey(verifierKeyOf('localhost:3000/transparency', createPrivateKey(newKeyPem())));
    const rotated = copyWorld(world);
    copies.push(rotated);
    await rotateKey(rotated);
    const dir = tampered((db) => {
      const rotation = rows(db, "type = 'TransparencySigningKeyRotated'")[0];
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        JSON.stringify({ ...JSON.parse(rotation.data), previousKey: insiderKey }),
        rotation.position,
      );
    }, rotated);
    await expectNamed(dir, ['altered', 'checkpoint-not-signed']);
  });

  it('a checkpoint in the file signed by another key or edited: checkpoint-not-signed', async () => {
    const dir = copyWorld(world);
    copies.push(dir);
    const forgedKey = createPrivateKey(newKeyPem());
    const note = signNote(
      formatCheckpoint({
        origin: 'localhost:3000/transparency',
        treeSize: 5,
        rootHash: Buffer.alloc(32),
        time: '2026-12-06T00:00:00.000Z',
      }),
      [ed25519Signer('localhost:3000/transparency', forgedKey)],
    );
    writeFileSync(
      join(dir, CHECKPOINTS),
      `${readFileSync(join(dir, CHECKPOINTS), 'utf8')}${JSON.stringify({ reason: 'interval', note, signer: 'x' })}\n`,
    );
    const verdict = await cliVerify(dir);
    expect(verdict).toMatchObject({ code: 1, kinds: ['checkpoint-not-signed'] });
  });

  it("a full rewrite without the key (links removed, stream chains recomputed, checkpoint file deleted) is exposed by a witness's checkpoint", async () => {
    const witness = join(copyWorld(world), 'witness.jsonl');
    copies.push(join(witness, '..'));
    copyFileSync(join(world, CHECKPOINTS), witness);
    const dir = tampered((db) => {
      const target = rows(db, "type = 'ActualSubmitted' AND stream LIKE 'evaluation-nerima-2025-%'")[0];
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        rewritten(target.data, '全面書換え'),
        target.position,
      );
      rechainStream(db, target.stream);
      db.prepare('UPDATE events SET log_prev = NULL, log_hash = NULL').run(); // looks like a store from before the upgrade
    });
    rmSync(join(dir, CHECKPOINTS));
    expect((await cliVerify(dir)).code).toBe(0); // nothing inside the database or beside it contradicts it
    // The witness pinned every key the feed listed when it copied the checkpoints.
    const pinned = [
      ...new Set(
        readFileSync(witness, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).signer as string),
      ),
    ];
    const verdict = await cliVerify(dir, { against: [witness], key: pinned });
    expect(verdict.code).toBe(1);
    expect(verdict.kinds).toEqual(['not-a-prefix']);
    expect(verdict.report.log.findings[0]).toMatchObject({ kind: 'not-a-prefix' });
  });
});
