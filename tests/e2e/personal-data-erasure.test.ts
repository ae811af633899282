import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ERASED_MARK, EventStore, storedForm } from '@pdca/event-store';
import { openEventStore, validateEnvironment } from '@pdca/platform';
import { eraseCommand } from '../../apps/cli/src/personal-data/erase.command';
import { verifyCommand } from '../../apps/cli/src/verify.command';
import { ApiHarness } from '../support/api-harness';
import { ManualClock } from '../support/manual-clock';
import { rawBytes } from '../support/raw-bytes';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const USERS = [
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'iin', role: 'council_member' as const },
  { username: 'kansa', role: 'auditor' as const },
  { username: 'hoiku', role: 'section_staff' as const, sectionId: 'hoiku' },
];
const NAME = '練馬花子';
const NAME2 = '光が丘一郎';
const NAME3 = '石神井三郎';
/** What the CLI reads from its environment, for a server-side step on the API's DATA_DIR. */
const cliEnvironment = (dir: string) => ({
  DATA_DIR: dir,
  JWT_SECRET: 's'.repeat(40),
  LOG_LEVEL: 'error',
  TRANSPARENCY_SIGNING_KEY_FILE: join(dir, 'transparency-signing-key.pem'),
});
/** Every export a reader can take away, as text: report formats (public and staff), audit trails, the erasure record. */
async function exportsAsText(api: ApiHarness, dir: string): Promise<Record<string, string>> {
  const kikaku = await api.as('kikaku');
  const kansa = await api.as('kansa');
  const text = async (request: PromiseLike<{ status: number; text: string; body: unknown }>) => {
    const response = await request;
    expect(response.status).toBe(200);
    return response.text || JSON.stringify(response.body);
  };
  const xlsx = (await api.http.get(`/public${W}/reports/2022?format=xlsx`).buffer(true).parse(rawBytes)).body as Buffer;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as never);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text))));
  const pdf = (await api.http.get(`/public${W}/reports/2022?format=pdf`).buffer(true).parse(rawBytes)).body as Buffer;
  writeFileSync(join(dir, 'report.pdf'), pdf);
  return {
    publishedJson: await text(api.http.get(`/public${W}/reports/2022`)),
    publishedHtml: await text(api.http.get(`/public${W}/reports/2022?format=html`)),
    projectsCsv: await text(api.http.get(`/public${W}/reports/2022?format=csv&table=projects`)),
    xlsx: cells.join('\n'),
    pdf: execFileSync('pdftotext', [join(dir, 'report.pdf'), '-']).toString('utf8'),
    currentReport: await text(kikaku.get(`${FY}/report`)),
    item: await text(kikaku.get(`${FY}/projects/P1`)),
    auditJson: await text(kansa.get(`${W}/audit/cycles/2022`)),
    auditCsv: await text(kansa.get(`${W}/audit/cycles/2022?format=csv`)),
    itemAudit: await text(kansa.get(`${W}/audit/projects/P1?fiscalYear=2022&format=csv`)),
    erasures: await text(kansa.get(`${W}/personal-data/erasures`)),
  };
}

/** The files of DATA_DIR that hold data (log, keys, snapshot, checkpoints), each with its WAL; strings as UTF-8 and, in the V8 snapshot, UTF-16. */
function filesHolding(dir: string, text: string, kinds = /\.(db|db-wal|snapshot|jsonl)$/): string[] {
  const files = readdirSync(dir).filter((f) => kinds.test(f));
  expect(files).toEqual(expect.arrayContaining(['events.db', 'personal-data-keys.db']));
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return files.filter((f) => needles.some((needle) => readFileSync(join(dir, f)).includes(needle)));
}

describe('erasing personal data in comments (APPI) without breaking verification', () => {
  const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start(USERS, { clock });
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' })
      .expect(200);
    await kikaku.post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子どもたち' }).expect(200);
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1', code: '1', title: '子育て', pillarId: 'I' }).expect(200);
    await kikaku
      .post(`${W}/catalogue/projects`, {
        projectId: 'P1',
        name: '保育所の整備',
        home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
        sectionId: 'hoiku',
        notSuitedForShortTermEvaluation: false,
      })
      .expect(200);
    await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
    const hoiku = await api.as('hoiku');
    const iin = await api.as('iin');
    await hoiku
      .post(`${FY}/projects/P1/submission`, {
        actual: { text: `2所を整備（${NAME2}氏の協力）` },
        rating: { scheme: 'nerima', grade: 'B', bReason: 'other', note: `担当の${NAME}さんの休職で遅延` },
      })
      .expect(200);
    await iin
      .post(`${FY}/projects/P1/review`, { decision: 'return', comments: `${NAME}さんの件は備考に書かないでください` })
      .expect(200);
    await hoiku
      .post(`${FY}/projects/P1/submission`, {
        actual: { text: `2所を整備（${NAME2}氏の協力）` },
        rating: { scheme: 'nerima', grade: 'B', bReason: 'other', note: `担当者（${NAME}）の休職で遅延` },
      })
      .expect(200);
    await iin.post(`${FY}/projects/P1/review`, { decision: 'approve' }).expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);
  }, 120_000);
  afterAll(() => api?.stop());

  it('before the erasure the name is readable, yet the log and the key store hold it only sealed', async () => {
    const before = await exportsAsText(api, api.dir);
    expect(before.publishedJson).toContain(NAME);
    expect(before.auditJson).toContain(NAME);
    expect(before.pdf.replace(/\s/g, '')).toContain(NAME);
    await api.stop(false);
    try {
      expect(filesHolding(api.dir, NAME, /\.(db|db-wal)$/)).toEqual([]);
      // The snapshot is a copy of the read models, texts readable: an erasure rewrites it (below).
      expect(filesHolding(api.dir, NAME)).toEqual(['projections.snapshot']);
    } finally {
      api = await ApiHarness.start(USERS, { clock, dir: api.dir });
    }
  }, 120_000);

  it('refuses a request that names no text, and a search that finds none, appending nothing', async () => {
    const kikaku = await api.as('kikaku');
    const head = async () => (await api.http.get('/health/ready')).body.details.eventStore.head as number;
    const before = await head();
    const refused = await kikaku.post(`${W}/personal-data/erasures`, { reason: '削除請求' }).expect(400);
    expect(refused.body.message).toEqual({
      ja: expect.stringContaining('contains'),
      en: expect.stringContaining('contains'),
    });
    await kikaku.post(`${W}/personal-data/erasures`, { contains: '存在しない名前', reason: '削除請求' }).expect(404);
    await (
      await api.as('hoiku')
    )
      .post(`${W}/personal-data/erasures`, { contains: NAME, reason: '削除請求' })
      .expect(403);
    expect((await (await api.as('kansa')).get(`${W}/personal-data/erasures`).expect(200)).body).toEqual({
      erasures: [],
    });
    expect(await head()).toBe(before);
  });

  it('a dry run shows what would be erased; the erasure then shows the mark everywhere at once', async () => {
    const kikaku = await api.as('kikaku');
    const preview = await kikaku
      .post(`${W}/personal-data/erasures`, { contains: NAME, reason: '本人からの削除請求', dryRun: true })
      .expect(200);
    expect(preview.body.texts.map((t: { field: string }) => t.field)).toEqual([
      'rating.note',
      'comments',
      'rating.note',
    ]);
    expect(preview.body.texts[0].text).toContain(NAME);
    const erased = await kikaku
      .post(`${W}/personal-data/erasures`, { contains: NAME, reason: '本人からの削除請求' })
      .expect(200);
    expect(erased.body).toMatchObject({ dryRun: false, position: expect.any(Number) });
    expect(erased.headers['x-position']).toBe(String(erased.body.position));
    expect(erased.body.texts).toHaveLength(3);
    expect(JSON.stringify(erased.body)).not.toContain(NAME);
    const live = await exportsAsText(api, api.dir);
    for (const [name, text] of Object.entries(live))
      expect({ name, holds: text.replace(/\s/g, '').includes(NAME) }).toEqual({ name, holds: false });
    expect(live.publishedJson).toContain(ERASED_MARK);
    expect(live.erasures).toContain('本人からの削除請求');
  }, 120_000);

  it('after a rebuild from zero: the mark in every export, the history verifies, and no file holds the name', async () => {
    await api.stop(false);
    try {
      expect(filesHolding(api.dir, NAME)).toEqual([]);
      rmSync(join(api.dir, 'projections.snapshot'));
    } finally {
      api = await ApiHarness.start(USERS, { clock, dir: api.dir });
    }
    const after = await exportsAsText(api, api.dir);
    for (const [name, text] of Object.entries(after))
      expect({ name, holds: text.replace(/\s/g, '').includes(NAME) }).toEqual({ name, holds: false });
    for (const name of ['publishedJson', 'publishedHtml', 'projectsCsv', 'xlsx', 'pdf', 'auditCsv'])
      expect({ name, marked: after[name].includes(ERASED_MARK) }).toEqual({ name, marked: true });
    expect((await (await api.as('kansa')).get(`${W}/audit/verification`).expect(200)).body).toMatchObject({
      intact: true,
    });

    await api.stop(false);
    const environment = validateEnvironment(cliEnvironment(api.dir), 'cli');
    const store = openEventStore(environment);
    const lines: string[] = [];
    try {
      expect(await verifyCommand(store, { json: false }, (line) => lines.push(line), { environment })).toBe(0);
    } finally {
      await store.close();
    }
    expect(lines.join('\n')).toMatch(/^intact/);
    expect(existsSync(join(api.dir, 'projections.snapshot'))).toBe(true);
    expect(filesHolding(api.dir, NAME)).toEqual([]);
    api = await ApiHarness.start(USERS, { clock, dir: api.dir });
  }, 180_000);
  it('given `pdca erase` on the server while the API runs, then a read at its position shows the mark at once, and every view within seconds', async () => {
    const published = async () => (await api.http.get(`/public${W}/reports/2022`).expect(200)).text;
    expect(await published()).toContain(NAME2);
    const saved = { ...process.env };
    Object.assign(process.env, cliEnvironment(api.dir));
    const lines: string[] = [];
    try {
      expect(
        await eraseCommand(
          ['--ward', 'nerima', '--contains', NAME2, '--reason', '協力者からの削除請求', '--json'],
          (line) => lines.push(line),
        ),
      ).toBe(0);
    } finally {
      process.env = saved;
    }
    // No sleep: a read with ?minPosition= at the erasure re-projects first (the 2 s watch would be too late).
    const { position } = JSON.parse(lines.join('\n')) as { position: number };
    const item = await (await api.as('kikaku')).get(`${FY}/projects/P1?minPosition=${position}`).expect(200);
    expect(item.text).not.toContain(NAME2);
    expect(item.text).toContain(ERASED_MARK);
    const deadline = Date.now() + 15_000;
    while ((await published()).includes(NAME2) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await published()).not.toContain(NAME2);
    expect((await (await api.as('kansa')).get(`${W}/audit/verification`).expect(200)).body).toMatchObject({
      intact: true,
    });
    expect((await (await api.as('kansa')).get(`${W}/personal-data/erasures`).expect(200)).body.erasures).toHaveLength(
      2,
    );
  }, 60_000);

  it('refuses (409) to erase a text stored before sealing existed, names where it is, and appends nothing', async () => {
    await api.stop(false);
    const environment = validateEnvironment(cliEnvironment(api.dir), 'cli');
    const store = openEventStore(environment);
    let plainId = '';
    try {
      // As an event appended before the personal-data layer: the reason in clear, chained like any other.
      plainId = await appendInClear(store, `${NAME3}さんの異動による延長`);
    } finally {
      await store.close();
      api = await ApiHarness.start(USERS, { clock, dir: api.dir });
    }
    const kikaku = await api.as('kikaku');
    const head = async () => (await api.http.get('/health/ready')).body.details.eventStore.head as number;
    const before = await head();
    const preview = await kikaku
      .post(`${W}/personal-data/erasures`, { contains: NAME3, reason: '削除請求', dryRun: true })
      .expect(200);
    expect(preview.body).toMatchObject({
      texts: [],
      notErasable: [
        { eventId: plainId, field: 'reason', type: 'DeadlineExtended', text: expect.stringContaining(NAME3) },
      ],
    });
    const refused = await kikaku
      .post(`${W}/personal-data/erasures`, { contains: NAME3, reason: '削除請求' })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'PERSONAL_TEXT_NOT_SEALED',
      message: {
        ja: expect.stringContaining('消去できません'),
        en: expect.stringContaining('before personal texts were sealed'),
      },
    });
    expect(JSON.stringify(refused.body)).toContain(plainId);
    expect(JSON.stringify(refused.body)).not.toContain(NAME3);
    await kikaku
      .post(`${W}/personal-data/erasures`, { fields: [{ eventId: plainId, field: 'reason' }], reason: '削除請求' })
      .expect(409);
    expect(await head()).toBe(before);
    expect((await (await api.as('kansa')).get(`${W}/audit/verification`).expect(200)).body).toMatchObject({
      intact: true,
    });
  }, 120_000);
});

/** A DeadlineExtended on the cycle's stream, appended beneath the personal-data layer (as before it existed). */
async function appendInClear(store: EventStore, reason: string): Promise<string> {
  const id = randomUUID();
  const at = '2023-04-03T00:00:00.000Z';
  await storedForm(store).append(
    'cycle-nerima-2022',
    [
      {
        id,
        type: 'DeadlineExtended',
        data: {
          wardId: 'nerima',
          fiscalYear: 2022,
          deadline: '2023-06-30T14:59:59.999Z',
          previousDeadline: '2023-05-31T14:59:59.999Z',
          reason,
        },
        metadata: {
          actor: 'kikaku',
          role: 'planning_office',
          wardId: 'nerima',
          correlationId: id,
          causationId: id,
          recordedAt: at,
        },
      },
    ],
    { expectedRevision: 'any' },
  );
  return id;
}
