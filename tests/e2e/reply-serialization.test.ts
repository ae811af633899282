import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness } from '../support/api-harness';

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
};
const documented = (name: string) => Object.keys(DOCUMENT.components.schemas[name].properties);
const W = '/wards/nerima';

/**
 * The API's replies leave through the OpenAPI document's response schemas (fast-json-stringify):
 * the cycle's handler answers { label, revision, ...the cycle's state }, and what the client reads is
 * the document's CycleDto, written by its serializer, naming nothing else; errors keep the one shape.
 */
describe('replies serialized by the OpenAPI document', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }]);
    const kikaku = await api.as('kikaku');
    await kikaku.post(`${W}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' });
    await kikaku.post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' });
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1', code: '1', title: '子育て支援', pillarId: 'I' });
    await kikaku.post(`${W}/catalogue/projects`, {
      projectId: 'P01-011',
      name: '認可保育所 計206所',
      home: { planId: '1', sectionNo: '3(1)', sectionTitle: '保育サービスの充実' },
      sectionId: 'hoiku',
      notSuitedForShortTermEvaluation: false,
    });
    await kikaku.put(`${W}/catalogue/projects/P01-011/annual-plans/2022`, { target: '計206所', planned: '9所' });
    await kikaku.post(`${W}/cycles/2022`, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
  });
  afterAll(() => api.stop());

  it('given an open cycle, when it is read, then the reply is the documented CycleDto, written by its serializer', async () => {
    const reply = await (await api.as('kikaku')).get(`${W}/cycles/2022`).expect(200);
    const names = Object.keys(JSON.parse(reply.text) as object);
    expect(documented('CycleDto')).toEqual(expect.arrayContaining(names));
    expect(names).toEqual(expect.arrayContaining(['status', 'wardId', 'scheme', 'scope', 'label', 'revision']));
    // The handler's object begins with label; the schema's serializer writes the required fields first.
    expect(reply.text).toMatch(/^\{"status":"open","label":"令和4年度[^"]*","revision":0,"wardId":"nerima",/);
  });

  it('given a command, then its reply names the documented CycleCommandResult fields only', async () => {
    const reply = await (
      await api.as('kikaku')
    )
      .post(`${W}/cycles/2022/deadline-extensions`, { deadline: '2023-06-30', reason: '議会日程のため' })
      .expect(200);
    const names = Object.keys(JSON.parse(reply.text) as object);
    expect(documented('CycleCommandResult')).toEqual(expect.arrayContaining(names));
    expect(reply.body).toMatchObject({ events: ['DeadlineExtended'], cycle: { deadline: expect.any(String) } });
  });

  it('given a cycle not opened, then the 404 is the one error shape', async () => {
    const reply = await (await api.as('kikaku')).get(`${W}/cycles/2030`).expect(404);
    expect(JSON.parse(reply.text)).toEqual({
      statusCode: 404,
      code: 'CYCLE_NOT_FOUND',
      message: { ja: expect.stringContaining('2030'), en: expect.stringContaining('2030') },
      details: {},
    });
  });
});
