import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenApiDocument, ResponseValidator } from './support/response-validator';

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8')) as OpenApiDocument;
const ITEM = '/wards/{wardId}/cycles/{fiscalYear}/projects/{itemId}';
const SUBMIT = `${ITEM}/submission`;
const PUBLISHED = '/public/wards/{wardId}/reports/{fiscalYear}';
const item = {
  kind: 'project',
  itemId: 'P1',
  name: '保育所の整備',
  sectionId: 'hoiku',
  planId: '1',
  status: 'submitted',
  revision: 2,
  late: false,
  overdue: false,
  nothingPlanned: false,
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

/** The checker the fiscal-year test relies on must itself catch each kind of mismatch. */
describe('checking a reply against the OpenAPI document', () => {
  const check = async (method: string, path: string, response: Response) => {
    const validator = new ResponseValidator(DOCUMENT);
    await validator.check(method, path, response);
    return validator.problems;
  };

  it('given a reply as documented, then there is no problem', async () => {
    expect(await check('GET', ITEM, json(200, item, { etag: '"2"' }))).toEqual([]);
  });

  it('given a body missing a required field, then it names the field', async () => {
    const { revision: _revision, ...withoutRevision } = item;
    expect(await check('GET', ITEM, json(200, withoutRevision, { etag: '"2"' }))).toEqual([
      expect.stringMatching(/revision/),
    ]);
  });

  it('given a field of the wrong type, then it is a problem', async () => {
    expect(await check('GET', ITEM, json(200, { ...item, revision: '2' }, { etag: '"2"' }))).toEqual([
      expect.stringMatching(/integer/),
    ]);
  });

  it('given an undocumented status, then it is a problem', async () => {
    expect(await check('GET', ITEM, json(418, {}))).toEqual([expect.stringMatching(/status not documented/)]);
  });

  it('given a media type the status does not declare, then it is a problem', async () => {
    expect(
      await check(
        'GET',
        ITEM,
        new Response('<p>', { status: 200, headers: { 'content-type': 'text/html', etag: '"2"' } }),
      ),
    ).toEqual([expect.stringMatching(/media type text\/html/)]);
  });

  it('given a command reply without X-Position, then the missing header is a problem', async () => {
    const reply = {
      stream: 's',
      revision: 1,
      position: 9,
      replayed: false,
      projected: true,
      events: ['ActualSubmitted'],
    };
    expect(await check('POST', SUBMIT, json(200, reply, { etag: '"1"' }))).toEqual([
      expect.stringMatching(/X-Position missing/),
    ]);
  });

  it('given a declared header that is there but not of its schema, then it is a problem', async () => {
    const reply = {
      stream: 's',
      revision: 1,
      position: 9,
      replayed: false,
      projected: true,
      events: ['ActualSubmitted'],
    };
    expect(await check('POST', SUBMIT, json(200, reply, { etag: '"1"', 'x-position': 'nine' }))).toEqual([
      expect.stringMatching(/header X-Position: .*pattern/),
    ]);
  });

  it('given a download that always names its file without Content-Disposition, then the missing header is a problem', async () => {
    const xlsx = new Response(new Uint8Array([0x50, 0x4b]), {
      status: 200,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(await check('GET', '/wards/{wardId}/cycles/{fiscalYear}/workbook.xlsx', xlsx)).toEqual([
      expect.stringMatching(/header Content-Disposition missing/),
    ]);
  });

  it('given a report reply without the headers only its CSV form carries, then there is no problem', async () => {
    const html = new Response('<p>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(await check('GET', PUBLISHED, html)).toEqual([]);
  });

  it('given an open-data file without its Link and PDCA-Verification, then both missing headers are problems', async () => {
    const csv = new Response('a\n1\n', {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="t.csv"' },
    });
    expect(await check('GET', `${PUBLISHED}/open-data/{file}`, csv)).toEqual([
      expect.stringMatching(/header Link missing/),
      expect.stringMatching(/header PDCA-Verification missing/),
    ]);
  });

  it('given an error not in the one error shape, then it is a problem', async () => {
    expect(await check('POST', SUBMIT, json(400, { error: 'bad' }))).toEqual([
      expect.stringMatching(/required property/),
    ]);
  });
});
