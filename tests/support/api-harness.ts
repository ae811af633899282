import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Clock, Role } from '@pdca/kernel';
import { validateEnvironment } from '@pdca/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { hashPassword } from '../../apps/api/src/auth/password-hasher';
import { Route, routeRecorder } from './registered-routes';

export interface TestUser {
  username: string;
  role: Role;
  wardId?: string;
  sectionId?: string;
}

export const PASSWORD = 'correct horse battery staple';

/** A real API on a temporary SQLite file, with users from a real users file and a controllable clock. */
export class ApiHarness {
  private tokens = new Map<string, Promise<string>>();

  /** @param routes every route Fastify registered, as recorded while the app started (see registered-routes.ts). */
  private constructor(
    readonly app: NestFastifyApplication,
    readonly dir: string,
    readonly routes: Route[],
  ) {}

  static async start(
    users: TestUser[],
    options: { clock?: Clock; dir?: string; env?: Record<string, string> } = {},
  ): Promise<ApiHarness> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'pdca-api-'));
    const passwordHash = await hashPassword(PASSWORD);
    const records = users.map((u) => ({ wardId: 'nerima', displayName: u.username, passwordHash, ...u }));
    writeFileSync(join(dir, 'users.json'), JSON.stringify({ users: records }));
    // The checkpoint signing key, kept across restarts on the same dir (old checkpoints stay verifiable).
    const signingKey = join(dir, 'transparency-signing-key.pem');
    if (!existsSync(signingKey))
      writeFileSync(signingKey, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), {
        mode: 0o600,
      });
    const environment = validateEnvironment({
      DATA_DIR: dir,
      USERS_FILE: join(dir, 'users.json'),
      JWT_SECRET: 's'.repeat(40),
      LOG_LEVEL: 'error',
      TRANSPARENCY_SIGNING_KEY_FILE: signingKey,
      ...options.env,
    });
    const app = await createApiApp(environment, { clock: options.clock });
    const routes = routeRecorder(app);
    await app.init();
    return new ApiHarness(app, dir, routes);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  /** One sign-in per user, shared by concurrent callers (more than 10 in flight for one name would be throttled). */
  token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const signIn = this.http
      .post('/auth/token')
      .send({ username, password: PASSWORD })
      .expect(200)
      .then((response) => response.body.accessToken as string);
    this.tokens.set(username, signIn);
    signIn.catch(() => this.tokens.delete(username));
    return signIn;
  }

  /** Requests as a logged-in user. */
  async as(username: string) {
    const bearer = `Bearer ${await this.token(username)}`;
    const server = this.app.getHttpServer();
    return {
      get: (url: string) => request(server).get(url).set('Authorization', bearer),
      post: (url: string, body: object = {}) => request(server).post(url).set('Authorization', bearer).send(body),
      put: (url: string, body: object = {}) => request(server).put(url).set('Authorization', bearer).send(body),
    };
  }

  async stop(removeData = true): Promise<void> {
    await this.app.close();
    if (removeData) rmSync(this.dir, { recursive: true, force: true });
  }
}
