import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { validateEnvironment } from '@pdca/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createOpenApiDocument } from '../../apps/api/src/http/openapi-document';
import { generateClientTypes } from './openapi-client-types';

export const DOCUMENT_FILE = 'docs/openapi.json';
/** The typed client the openapi tests drive a fiscal year with. */
export const CLIENT_TYPES_FILE = 'tests/openapi/generated/api.d.ts';

/**
 * npm run openapi: writes the API's OpenAPI document to docs/openapi.json without listening on a
 * port, from a throw-away data folder, so an integrator gets the same document the server serves
 * at /docs/openapi.json; and the openapi-typescript types generated from it.
 * `-- --check` writes nothing and fails when either committed file differs from what the API builds.
 */
export async function generateOpenApiJson(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-openapi-'));
  try {
    const signingKey = join(dir, 'signing-key.pem');
    writeFileSync(signingKey, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
    });
    writeFileSync(join(dir, 'users.json'), JSON.stringify({ users: [] }));
    const environment = validateEnvironment({
      DATA_DIR: dir,
      USERS_FILE: join(dir, 'users.json'),
      JWT_SECRET: 'openapi-document-only-'.padEnd(40, 'x'),
      LOG_LEVEL: 'error',
      TRANSPARENCY_SIGNING_KEY_FILE: signingKey,
    });
    const app = await createApiApp(environment);
    try {
      return `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function writeOrCheck(check: boolean): Promise<void> {
  const json = await generateOpenApiJson();
  const files: Array<[string, string]> = [
    [DOCUMENT_FILE, json],
    [CLIENT_TYPES_FILE, await generateClientTypes(json)],
  ];
  if (check) {
    const stale = files
      .filter(([file, text]) => !existsSync(resolve(file)) || readFileSync(resolve(file), 'utf8') !== text)
      .map(([file]) => file);
    if (stale.length > 0) throw new Error(`out of date: ${stale.join(', ')} (run npm run openapi)`);
    console.log(`up to date: ${files.map(([file]) => file).join(', ')}`);
    return;
  }
  for (const [file, text] of files) {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(resolve(file), text);
  }
  console.log(`wrote ${files.map(([file]) => file).join(' and ')}`);
}

if (require.main === module) {
  writeOrCheck(process.argv.includes('--check')).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
