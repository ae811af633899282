import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const DOCUMENT_FILE = 'docs/openapi.json';

/** Runs a linter; a non-zero exit still hands back its output, which the test reads. */
async function lint(command: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}\nexit: failed`;
  }
}

describe('the OpenAPI document (docs/openapi.json)', () => {
  const generated = () => readFileSync(join(ROOT, DOCUMENT_FILE), 'utf8');

  // In a child process: openapi-typescript is loaded as Node loads it (Jest's module system would not).
  it('given the API as built, when the document and the openapi-typescript client types are generated without a server, then they equal the committed files', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'infra/scripts/openapi.ts', '--check'],
      { cwd: ROOT },
    );
    expect(stdout).toMatch(/up to date/);
  });

  it("given Redocly CLI's recommended rules, when it lints the document, then there is no error", async () => {
    const output = await lint(bin('redocly'), ['lint', '--extends=recommended', '--format=stylish', DOCUMENT_FILE]);
    expect(output.split('\n').filter((line) => /\berror\b/.test(line) && !/Deprecation/.test(line))).toEqual([]);
    expect(output).not.toMatch(/exit: failed/);
  });

  it("given Spectral's oas ruleset, when it lints the document, then there is no error", async () => {
    const output = await lint(bin('spectral'), [
      'lint',
      '--ruleset',
      'tests/openapi/spectral.yaml',
      '--format',
      'text',
      '--fail-severity',
      'error',
      DOCUMENT_FILE,
    ]);
    expect(output.split('\n').filter((line) => / error /.test(line))).toEqual([]);
    expect(output).not.toMatch(/exit: failed/);
  });

  it('given every operation, then it declares its path parameters, a success and an error response with a schema, and no bracketed operationId', () => {
    const document = JSON.parse(generated()) as OpenApi;
    const problems: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        for (const [, name] of path.matchAll(/\{(\w+)\}/g))
          if (!declared.includes(name)) problems.push(`${where}: path parameter ${name} undeclared`);
        if (!/^[A-Za-z][A-Za-z0-9]*$/.test(operation.operationId))
          problems.push(`${where}: operationId ${operation.operationId}`);
        const statuses = Object.keys(operation.responses);
        const success = statuses.filter((s) => s.startsWith('2'));
        if (success.length === 0) problems.push(`${where}: no success response`);
        for (const status of success) {
          const response = operation.responses[status];
          if (status !== '204' && Object.values(response.content ?? {}).every((c) => !c.schema))
            problems.push(`${where}: ${status} has no schema`);
        }
        for (const status of statuses.filter((s) => /^[45]/.test(s) && !(path === '/health/ready' && s === '503'))) {
          const schema = operation.responses[status].content?.['application/json']?.schema;
          if (schema?.$ref !== '#/components/schemas/ErrorBody')
            problems.push(`${where}: ${status} is not the ErrorBody shape`);
        }
        if (operation.security === undefined) problems.push(`${where}: security not declared`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('given the servers, then the document names where it is served', () => {
    expect((JSON.parse(generated()) as OpenApi).servers).toEqual([expect.objectContaining({ url: '/' })]);
  });
});

interface OpenApi {
  servers: Array<{ url: string }>;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        security?: unknown[];
        parameters?: Array<{ name: string; in: string }>;
        responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
      }
    >
  >;
}
