import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pdca/event-store';
import { hashPassword } from '../../apps/api/src/auth/password-hasher';
import { freePort } from '../support/free-port';

const root = join(__dirname, '../..');

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/health/live`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('API did not start');
}

describe('graceful shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-shutdown-'));
  let child: ChildProcess | undefined;
  // A failed run must not leave the API running: its pipes would keep jest from exiting.
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes in-flight commands on SIGTERM, exits 0, and keeps every acknowledged command', async () => {
    writeFileSync(
      join(dir, 'users.json'),
      JSON.stringify({
        users: [
          {
            username: 'kikaku',
            displayName: '企画',
            role: 'planning_office',
            wardId: 'nerima',
            passwordHash: await hashPassword('pw'),
          },
        ],
      }),
    );
    const port = await freePort();
    const api = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        USERS_FILE: join(dir, 'users.json'),
        JWT_SECRET: 'k'.repeat(40),
        LOG_LEVEL: 'log',
        METRICS_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = api;
    let logs = '';
    api.stdout.on('data', (chunk) => (logs += chunk));
    api.stderr.on('data', (chunk) => (logs += chunk));
    const exited = new Promise<number | null>((resolve) => api.on('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base);
    const login = (await (
      await fetch(`${base}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'kikaku', password: 'pw' }),
      })
    ).json()) as { accessToken: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` };

    let acknowledged = 0;
    const outcomes: string[] = [];
    const burst = Array.from({ length: 120 }, (_, i) =>
      fetch(`${base}/wards/nerima/catalogue/sections`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ sectionId: `s${i}`, department: '部', name: `課${i}` }),
      })
        .then(async (response) => {
          if (response.ok) acknowledged++;
          else outcomes.push(`${response.status} ${await response.text()}`);
          if (acknowledged === 10) api.kill('SIGTERM');
          return response.ok ? `s${i}` : undefined;
        })
        .catch(
          (error: Error) =>
            void outcomes.push(`${error.message} ${String((error.cause as Error | undefined)?.message)}`),
        ),
    );
    const results = await Promise.all(burst);
    if (acknowledged < 10) throw new Error(`only ${acknowledged} acknowledged: ${outcomes.slice(0, 5).join(' | ')}`);
    // A hang names itself with the child's own log rather than a bare jest timeout.
    const exitCode = await Promise.race([
      exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`the API did not exit after SIGTERM; its log:\n${logs}`)), 40_000).unref(),
      ),
    ]);
    expect(exitCode).toBe(0);
    expect(logs).toMatch(/"stopped"/);

    const store = new SqliteEventStore(join(dir, 'events.db'));
    const stored = new Set(
      (await store.readStream('catalogue-nerima')).map((e) => (e.data as { sectionId: string }).sectionId),
    );
    await store.close();
    const ok = results.filter((id): id is string => id !== undefined);
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(ok.filter((id) => !stored.has(id))).toEqual([]);
  }, 60_000);
});
