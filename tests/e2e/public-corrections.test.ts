import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ApiHarness } from '../support/api-harness';
import { seedWard, W } from '../reliability/support/fuzz-ward';

const FEED = '/public/wards/nerima/corrections';

/** RFC 4287 §4.1.1–4.1.2: what a feed and each entry must carry. */
function expectValidAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['entry', 'link', 'author'].includes(name),
  }).parse(xml);
  const feed = doc.feed;
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const field of ['id', 'title', 'updated']) expect(String(feed[field] ?? '')).not.toBe('');
  expect(feed.author[0].name).toBeTruthy(); // a feed author, so entries need none of their own
  expect(feed.link.some((l: Record<string, string>) => l['@_rel'] === 'self')).toBe(true);
  const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
  expect(feed.updated).toMatch(rfc3339);
  for (const entry of feed.entry ?? []) {
    for (const field of ['id', 'title', 'updated']) expect(String(entry[field] ?? '')).not.toBe('');
    expect(entry.updated).toMatch(rfc3339);
    expect(new URL(entry.id).protocol).toMatch(/^https?:$/); // an IRI
    expect(entry.content?.['#text'] ?? entry.summary).toBeTruthy(); // §4.1.2: content, or an alternate link with a summary
  }
  return feed;
}

/** JSON Feed 1.1: version, title and items are required; each item needs id and content_html or content_text. */
function expectValidJsonFeed(feed: any) {
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  expect(Array.isArray(feed.items)).toBe(true);
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
    if (item.date_published) expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
  }
  if (feed.authors) for (const author of feed.authors) expect(author.name ?? author.url ?? author.avatar).toBeTruthy();
}

describe('public corrections: the list of versions and the correction feeds', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'iin', role: 'council_member' },
    ]);
  }, 60_000);
  afterAll(() => api.stop());

  it('given nothing published, both feeds are valid and empty', async () => {
    expectValidJsonFeed(
      (
        await api.http
          .get(FEED)
          .expect(200)
          .expect('Content-Type', /application\/feed\+json/)
      ).body,
    );
    const atom = await api.http
      .get(`${FEED}?format=atom`)
      .expect(200)
      .expect('Content-Type', /application\/atom\+xml/);
    expect(expectValidAtom(atom.text).entry).toBeUndefined();
  });

  it('given a published year corrected once, the feeds carry the correction with before → after, why, when, office and fingerprint', async () => {
    await seedWard(api); // FY2021 published: P1 actual 実施, rating A
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/cycles/2021/projects/P1/correction`, {
        reason: '実績の誤記',
        actualText: '実施（3回）',
        rating: { scheme: 'nerima', grade: 'B', bReason: 'other', note: '回数が計画を下回った' },
      })
      .expect(200);
    await kikaku.post(`${W}/cycles/2021/corrections`, { reason: '取組P1の実績と評価の誤りを訂正' }).expect(200);

    const list = (await api.http.get('/public/wards/nerima/reports').expect(200)).body;
    const [v1, v2] = list[0].versions;
    expect(v2).toMatchObject({
      version: 2,
      reason: '取組P1の実績と評価の誤りを訂正',
      fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      position: expect.any(Number),
    });
    expect(v1.fingerprint).not.toBe(v2.fingerprint);

    const json = (await api.http.get(FEED).expect(200)).body;
    expectValidJsonFeed(json);
    expect(json.items).toHaveLength(1);
    const correction = json.items[0]._correction;
    expect(correction).toMatchObject({
      fiscalYear: 2021,
      version: 2,
      reason: '取組P1の実績と評価の誤りを訂正',
      office: expect.any(String),
      fingerprint: v2.fingerprint,
    });
    expect(correction.changes).toEqual(
      expect.arrayContaining([
        {
          kind: 'project',
          itemId: 'P1',
          name: '新規取組',
          field: 'actual',
          before: '実施',
          after: '実施（3回）',
          reason: '実績の誤記',
        },
        {
          kind: 'project',
          itemId: 'P1',
          name: '新規取組',
          field: 'rating',
          before: expect.stringMatching(/^A（/),
          after: expect.stringMatching(/^B（/),
          reason: '実績の誤記',
        },
        {
          kind: 'project',
          itemId: 'P1',
          name: '新規取組',
          field: 'note',
          before: '',
          after: '回数が計画を下回った',
          reason: '実績の誤記',
        },
      ]),
    );
    expect(json.items[0].date_published).toBe(v2.publishedAt);

    const atom = (await api.http.get(`${FEED}?format=atom`).expect(200)).text;
    const feed = expectValidAtom(atom);
    expect(feed.entry).toHaveLength(1);
    expect(feed.entry[0].id).toMatch(/\/public\/wards\/nerima\/reports\/2021\/versions\/2$/);
    expect(feed.entry[0].summary).toContain('実施 → 実施（3回）');
    expect(feed.entry[0].summary).toContain(v2.fingerprint);
    expect(feed.updated).toBe(v2.publishedAt);
  });

  it('gives the same bytes on every request', async () => {
    const [a, b] = [
      await api.http.get(`${FEED}?format=atom`).expect(200),
      await api.http.get(`${FEED}?format=atom`).expect(200),
    ];
    expect(a.text).toBe(b.text);
  });

  it('names the field of a bad format or ward id', async () => {
    expect((await api.http.get(`${FEED}?format=rss`).expect(400)).body).toMatchObject({
      field: 'format',
      message: { ja: expect.any(String), en: expect.any(String) },
    });
    expect((await api.http.get('/public/wards/NOT-A-WARD/corrections').expect(400)).body).toMatchObject({
      field: 'wardId',
    });
  });
});
