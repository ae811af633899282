import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const CHILD = join(ROOT, 'tests/bench/scenarios/worker-child.ts');

/** Settings of a worker process: the variables `npm run start:worker` reads, and the clock it starts with. */
export interface WorkerProcessSetup {
  env: Record<string, string>;
  /** ISO time of the worker's clock; later moved with `setClock`. */
  clock: string;
  /** Run the TypeScript source (tests) instead of the compiled build (the bench). */
  fromSource?: boolean;
  inspectPort?: number;
}

/**
 * The real worker module in a process of its own, so that a test can SIGKILL it, and the bench can
 * measure it apart from the load generator. Its clock moves only when told (`setClock`).
 */
export async function startWorkerProcess(setup: WorkerProcessSetup): Promise<ChildProcess> {
  const child = fork(CHILD, [], {
    cwd: ROOT,
    execArgv: [
      ...(setup.inspectPort ? [`--inspect=127.0.0.1:${setup.inspectPort}`] : []),
      '--expose-gc',
      '-r',
      '@swc-node/register',
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      PATH: process.env.PATH ?? '',
      BENCH_CLOCK: setup.clock,
      ...(setup.fromSource ? { WORKER_SOURCE: '1' } : {}),
      ...setup.env,
    },
  });
  await askUntil(child, 'started', () => true, 120_000);
  return child;
}

export const setClock = (child: ChildProcess, at: string) => child.send({ type: 'clock', at });

/** Until the worker's read models and schedule have reached `head` (a store position). */
export const caughtUpWith = (child: ChildProcess, head: number, timeoutMs = 600_000) =>
  askUntil(child, 'status', (m) => m.caughtUp === true && Number(m.position) >= head, timeoutMs);

/** Asks the child (for 'status') until `accept` holds, or waits for the message (for 'started'). */
async function askUntil(
  child: ChildProcess,
  type: string,
  accept: (message: Record<string, unknown>) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await new Promise<Record<string, unknown> | undefined>((resolve) => {
      const onMessage = (message: Record<string, unknown>) =>
        message.type === type && (child.off('message', onMessage), resolve(message));
      child.on('message', onMessage);
      setTimeout(() => (child.off('message', onMessage), resolve(undefined)), 1_000).unref();
      if (type === 'status') child.send({ type: 'status' });
    });
    if (answer && accept(answer)) return;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`worker exited with ${child.exitCode ?? child.signalCode}`);
    if (Date.now() > deadline) throw new Error(`worker: no ${type} in ${timeoutMs} ms`);
  }
}

/** Asks the worker to close (as on SIGTERM) and waits for it; killed if it does not end in time. */
export async function stopWorkerProcess(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' });
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** A crash: no shutdown hook runs, jobs stay active in Redis until their locks expire. */
export async function killWorkerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
