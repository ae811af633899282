import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiHarness, PASSWORD } from '../support/api-harness';
import type { paths } from './generated/api';
import { OpenApiDocument, ResponseValidator } from './support/response-validator';

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8')) as OpenApiDocument;
const STRUCTURE = readFileSync(join(__dirname, '../fixtures/nerima-fy2022/structure.csv'));
const ward = { wardId: 'nerima' };

/**
 * The headers the document marks required on routes the fiscal-year test does not drive: the session
 * cookie, the import's X-Position and the template's file name, each checked by the same validator.
 */
describe('the required response headers of the session, the import and its template', () => {
  const validator = new ResponseValidator(DOCUMENT);
  const validating: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      await validator.check(request.method, schemaPath, response);
    },
  };
  let api: ApiHarness;
  let baseUrl: string;

  beforeAll(async () => {
    api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }]);
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => api.stop());

  const client = (headers: Record<string, string> = {}) => {
    const created = createClient<paths>({ baseUrl, headers });
    created.use(validating);
    return created;
  };

  it('given a sign-in and a sign-out, then both set the session cookie', async () => {
    const signedIn = await client().POST('/auth/session', { body: { username: 'kikaku', password: PASSWORD } });
    expect(signedIn.response.status).toBe(200);
    expect(signedIn.response.headers.get('Set-Cookie')).toMatch(/HttpOnly/i);
    const signedOut = await client().DELETE('/auth/session');
    expect(signedOut.response.status).toBe(204);
    expect(signedOut.response.headers.get('Set-Cookie')).toBeTruthy();
    expect(validator.problems).toEqual([]);
  });

  it('given an import applied, retried and reverted, then X-Position comes with 201 and the reversion, and the template names its file', async () => {
    const { data } = await client().POST('/auth/token', { body: { username: 'kikaku', password: PASSWORD } });
    const kikaku = client({ Authorization: `Bearer ${data!.accessToken}` });
    const template = await kikaku.GET('/wards/{wardId}/imports/template.xlsx', {
      params: { path: ward },
      parseAs: 'blob',
    });
    expect(template.response.headers.get('Content-Disposition')).toMatch(/^attachment; filename=/);
    const confirm = () =>
      kikaku.POST('/wards/{wardId}/imports', {
        params: { path: ward },
        body: { files: [new Blob([STRUCTURE], { type: 'text/csv' })] },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append('files', body.files[0], 'structure.csv');
          return form;
        },
      });
    const applied = await confirm();
    expect(applied.response.status).toBe(201);
    expect(applied.response.headers.get('X-Position')).toMatch(/^[1-9][0-9]*$/);
    const retried = await confirm();
    expect(retried.response.status).toBe(200);
    const reverted = await kikaku.POST('/wards/{wardId}/imports/{importId}/reversion', {
      params: { path: { ...ward, importId: applied.data!.importId } },
      body: { reason: '取込み先の誤り' },
    });
    expect(reverted.response.status).toBe(200);
    expect(Number(reverted.response.headers.get('X-Position'))).toBeGreaterThan(
      Number(applied.response.headers.get('X-Position')),
    );
    expect(validator.problems).toEqual([]);
    expect(validator.checked).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^POST \/wards\/\{wardId\}\/imports → 201/),
        expect.stringMatching(/^POST \/wards\/\{wardId\}\/imports → 200/),
        expect.stringMatching(/^POST \/wards\/\{wardId\}\/imports\/\{importId\}\/reversion → 200/),
        expect.stringMatching(/^GET \/wards\/\{wardId\}\/imports\/template\.xlsx → 200/),
      ]),
    );
  });
});
