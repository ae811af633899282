import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness } from '../support/api-harness';

interface Operation {
  security: unknown[];
  parameters?: Array<{ name: string; in: string; example?: string | number; schema?: { example?: string | number } }>;
}
const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

/**
 * What the document says about credentials is what the API does: an operation documented with
 * `security: []` answers a caller without a token with something other than 401, and every other
 * operation answers that caller 401.
 */
describe('documented security matches the API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([]);
  });
  afterAll(() => api.stop());

  it('given no credentials, when every documented operation is called, then exactly the public ones answer without 401', async () => {
    const mismatches: string[] = [];
    for (const [template, item] of Object.entries(DOCUMENT.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const example = (name: string) => {
          const parameter = operation.parameters?.find((p) => p.in === 'path' && p.name === name);
          return String(parameter?.example ?? parameter?.schema?.example ?? 'x');
        };
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(example(name)));
        const call = api.http[method as 'get' | 'post' | 'put' | 'delete'](path);
        const response = method === 'get' || method === 'delete' ? await call : await call.send({});
        const documentedPublic = operation.security.length === 0;
        if (documentedPublic === (response.status === 401)) {
          mismatches.push(
            `${method.toUpperCase()} ${template}: documented ${documentedPublic ? 'public' : 'with credentials'}, answered ${response.status}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
