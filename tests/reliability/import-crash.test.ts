import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess } from '../bench/support/api-process';
import { PASSWORD, writeUsersFile } from '../bench/support/users';

const WARD = 'crashimp';
const FY = 2026;
/** Enough that the kill lands mid-import: on Node 26, 300 records were all written before a CI rehearsal's kill. */
const RECORDS = 900;
const STRUCTURE = '種別,番号,名称,基本目標\n基本目標,I,基本目標1,\n戦略計画,1,戦略計画1,I\n';
const HEADER =
  '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考';
const PROJECTS =
  [
    HEADER,
    ...Array.from(
      { length: RECORDS },
      (_, i) =>
        `P${String(i + 1).padStart(3, '0')},1,1,項目,取組${i + 1},部${i % 7},課${i % 13},,,${FY},目標,現況,実施,実施した,A,,`,
    ),
  ].join('\n') + '\n';
const FILES = [
  { name: 'structure.csv', data: STRUCTURE },
  { name: 'projects.csv', data: PROJECTS },
];

/**
 * Issue 10: a kill -9 during a 300-record import left 91 of 300 visible, and a resend without the
 * original key got 409 and stayed half done. Now readers see an import whole or not at all, a
 * restart finishes it before the API answers, and a resend with or without the key says it is done.
 */
describe('SIGKILL of the API in the middle of a 900-record import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-import-crash-'));
  const file = join(dir, 'events.db');
  const usersFile = join(dir, 'users.json');
  writeUsersFile(usersFile, [{ username: 'kikaku', role: 'planning_office', wardId: WARD }]);
  let api: ApiProcess | undefined;
  afterAll(async () => {
    await api?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (base: string, token: string, key?: string) => {
    const form = new FormData();
    for (const f of FILES) form.append('files', new Blob([f.data]), f.name);
    return fetch(`${base}/wards/${WARD}/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
    });
  };
  const approved = async (base: string, token: string) => {
    const response = await fetch(`${base}/wards/${WARD}/cycles/${FY}/items`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { items: { status: string }[] };
    return body.items.filter((i) => i.status === 'approved').length;
  };
  const count = (type: string) => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('shows nothing half done, finishes at restart, and a resend with or without the key is told it is done', async () => {
    api = await ApiProcess.start({ dataDir: dir, usersFile });
    let token = await api.login('kikaku', PASSWORD);
    expect((await upload(api.base, token, 'catalogue-2026')).status).toBe(201); // catalogue only: no cycle yet
    const opened = await fetch(`${api.base}/wards/${WARD}/cycles/${FY}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scheme: 'nerima', deadline: '2027-05-31' }),
    });
    expect(opened.status).toBe(200);

    const seen: number[] = [];
    let answered: string | undefined;
    const pending = upload(api.base, token, 'results-2026').then(
      async (r) => (answered = `${r.status} ${await r.text()}`),
      () => undefined,
    );
    const child = api.child;
    const watching = (async () => {
      while (answered === undefined && child.exitCode === null && child.signalCode === null)
        seen.push(await approved(api.base, token).catch(() => 0));
    })();
    while (count('EvaluationImported') === 0 && answered === undefined)
      await new Promise((resolve) => setTimeout(resolve, 2));
    expect({ answered }).toEqual({ answered: undefined }); // still applying when killed
    child.kill('SIGKILL');
    await watching;
    await api.exited;
    await pending;
    const written = count('EvaluationImported');
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(RECORDS); // killed in the middle
    expect(seen.every((n) => n === 0)).toBe(true); // nothing was visible while it was being applied

    api = await ApiProcess.start({ dataDir: dir, usersFile });
    token = await api.login('kikaku', PASSWORD);
    expect(await approved(api.base, token)).toBe(RECORDS);
    for (const key of ['results-2026', undefined, 'another-key']) {
      const again = await upload(api.base, token, key);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ replayed: true, nothingToImport: true });
    }
    expect(count('EvaluationImported')).toBe(RECORDS);
    expect(count('ImportStarted')).toBe(2);
    expect(count('ImportCompleted')).toBe(2);
    expect(await approved(api.base, token)).toBe(RECORDS);
  }, 180_000);
});
