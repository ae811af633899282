import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { WebSocket } from 'undici';

type Call = (method: string, params?: object) => Promise<Record<string, unknown>>;

/**
 * The Chrome DevTools protocol of another Node process (started with --inspect) or of this one:
 * CPU profiles of exactly the measured window, and memory after a full GC. Only used with --profile.
 */
export class Inspector {
  private constructor(private readonly call: Call, private readonly dispose: () => void) {}

  static async connect(port: number): Promise<Inspector> {
    const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', reject, { once: true });
    });
    const pending = new Map<number, (message: { result?: Record<string, unknown>; error?: unknown }) => void>();
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown>; error?: unknown };
      if (message.id !== undefined) pending.get(message.id)?.(message);
    });
    let id = 0;
    const call: Call = (method, params = {}) => new Promise((resolve, reject) => {
      const callId = ++id;
      pending.set(callId, (message) => (pending.delete(callId), message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result ?? {})));
      socket.send(JSON.stringify({ id: callId, method, params }));
    });
    return new Inspector(call, () => socket.close());
  }

  /** This process's own inspector session. */
  static self(): Inspector {
    const session = new Session();
    session.connect();
    const call: Call = (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve((result ?? {}) as Record<string, unknown>))));
    return new Inspector(call, () => session.disconnect());
  }

  async profile<T>(file: string, work: () => Promise<T>): Promise<T> {
    await this.call('Profiler.enable');
    await this.call('Profiler.start');
    try {
      return await work();
    } finally {
      const { profile } = await this.call('Profiler.stop');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
    }
  }

  /** process.memoryUsage() in MB after a full garbage collection. */
  async memoryAfterGc(): Promise<Record<string, number>> {
    await this.call('HeapProfiler.collectGarbage');
    const { result } = (await this.call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as { result: { value: string } };
    return Object.fromEntries(Object.entries(JSON.parse(result.value) as Record<string, number>).map(([key, bytes]) => [key, Math.round(bytes / 1_048_576)]));
  }

  close(): void {
    this.dispose();
  }
}
