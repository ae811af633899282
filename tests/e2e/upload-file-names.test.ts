import { ApiHarness } from '../support/api-harness';

/**
 * Browsers send a file's name in UTF-8 inside the multipart header. Multer read it as latin1 and
 * the controllers re-decoded it; @fastify/busboy already decodes UTF-8, so re-decoding again would
 * turn 取組.csv into mojibake in the import history and the error messages.
 */
describe('uploaded file names', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }]);
  });
  afterAll(() => api?.stop());

  it('keep a Japanese name as the browser sent it', async () => {
    // given a CSV named in Japanese whose header matches no table
    const token = `Bearer ${await api.token('kikaku')}`;
    // when it is previewed
    const response = await api.http
      .post('/wards/nerima/imports/previews')
      .set('Authorization', token)
      .attach('files', Buffer.from('a,b\n1,2\n'), '取組.csv');
    // then the answer names the file as it was called
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'IMPORT_FILE_UNRECOGNISED',
      details: { file: '取組.csv' },
    });
    expect(response.body.message.ja).toContain('「取組.csv」');
  });
});
