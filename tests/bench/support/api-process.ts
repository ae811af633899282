import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';
import { childrenOf } from './cpu-accounting';

export { freePort };

const ROOT = join(__dirname, '../../..');
export const JWT_SECRET = 'bench-and-reliability-secret-0123456789abcdef';

export interface ApiProcessOptions {
  dataDir: string;
  usersFile: string;
  port?: number;
  env?: Record<string, string>;
  /** Start with --inspect on a free port (for CPU profiles and memory after GC). */
  inspect?: boolean;
  /** Wait until /health/ready (projections caught up), not only /health/live. */
  waitReady?: boolean;
  readyTimeoutMs?: number;
  /** 'build' runs the compiled API (`npm run build`) as production does; 'source' (default) the TypeScript through swc. */
  entry?: 'source' | 'build';
  /** Extra node flags, e.g. --max-semi-space-size. */
  nodeFlags?: string[];
}

/** As `npm run start:api`, infra/scripts/start.js and the Docker image start it. */
const BUILT_API = ['--expose-gc', 'dist/apps/api/apps/api/src/main.js'];

/**
 * The real API in its own process, started as in production (apps/api/src/main.ts), so what the
 * bench measures and what the fault tests kill is exactly what runs in production.
 */
export class ApiProcess {
  private output = '';
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess, readonly base: string, readonly port: number, readonly inspectPort?: number) {
    child.stdout?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-200_000)));
    child.stderr?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-200_000)));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  }

  static async start(options: ApiProcessOptions): Promise<ApiProcess> {
    const port = options.port ?? (await freePort());
    const inspectPort = options.inspect ? await freePort() : undefined;
    const entry = options.entry === 'build' ? BUILT_API : ['-r', '@swc-node/register', 'apps/api/src/main.ts'];
    const child = spawn(process.execPath, [...(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []), ...(options.nodeFlags ?? []), ...entry], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: options.dataDir, USERS_FILE: options.usersFile,
        JWT_SECRET, LOG_LEVEL: 'warn', JWT_TTL_SECONDS: '86400', REDIS_URL: 'redis://127.0.0.1:6379',
        // Metrics off unless a test asks: parallel API processes would all want the default port.
        METRICS_PORT: '0', ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`, port, inspectPort);
    await api.waitUntil(options.waitReady === false ? 'live' : 'ready', options.readyTimeoutMs ?? 120_000);
    return api;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get logs(): string {
    return this.output;
  }

  /** Resident set size from /proc, in MB: with API_PROCESSES > 1, the primary's and all its processes'. */
  rssMb(): number {
    return [this.pid, ...childrenOf(this.pid)].reduce((total, pid) => total + rssMbOf(pid), 0);
  }

  async waitUntil(state: 'live' | 'ready', timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`API exited during start:\n${this.output.slice(-3_000)}`);
      try {
        if ((await fetch(`${this.base}/health/${state}`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`API not ${state} after ${timeoutMs} ms:\n${this.output.slice(-3_000)}`);
  }

  async login(username: string, password: string): Promise<string> {
    const response = await fetch(`${this.base}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  /** SIGTERM and wait for the graceful exit. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** SIGKILL: no shutdown hooks, nothing flushed. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Resident set size of a process from /proc, in MB. */
export function rssMbOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}
