import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateEnvironment } from '@pdca/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createOpenApiDocument } from '../../apps/api/src/http/openapi-document';

/**
 * npm run openapi [-- out.json]: writes the API's OpenAPI document (default docs/openapi.json)
 * without listening on a port, from a throw-away data folder, so an integrator gets the same
 * document the server would serve at /docs/openapi.json.
 */
export async function generateOpenApiJson(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-openapi-'));
  try {
    const signingKey = join(dir, 'signing-key.pem');
    writeFileSync(signingKey, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    writeFileSync(join(dir, 'users.json'), JSON.stringify({ users: [] }));
    const environment = validateEnvironment({
      DATA_DIR: dir, USERS_FILE: join(dir, 'users.json'), JWT_SECRET: 'openapi-document-only-'.padEnd(40, 'x'), LOG_LEVEL: 'error', TRANSPARENCY_SIGNING_KEY_FILE: signingKey,
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

if (require.main === module) {
  const out = resolve(process.argv[2] ?? 'docs/openapi.json');
  generateOpenApiJson().then((json) => {
    writeFileSync(out, json);
    console.log(`wrote ${out}`);
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
