import { PerStreamQueue } from './per-stream-queue';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PerStreamQueue', () => {
  it('given a command running on a stream, when another arrives for it, then the second starts only after the first ends', async () => {
    const queue = new PerStreamQueue();
    const first = deferred();
    const started: string[] = [];
    const a = queue.run('s', async () => (started.push('a'), first.promise));
    const b = queue.run('s', async () => void started.push('b'));
    await settle();
    expect(started).toEqual(['a']);
    first.resolve();
    await Promise.all([a, b]);
    expect(started).toEqual(['a', 'b']);
  });

  it('given a command running on one stream, when a command for another stream arrives, then it runs at once', async () => {
    const queue = new PerStreamQueue();
    const blocked = deferred();
    void queue.run('one', () => blocked.promise);
    let ran = false;
    await queue.run('two', async () => void (ran = true));
    expect(ran).toBe(true);
    blocked.resolve();
  });

  it('given a command that fails, then its caller gets the error and the next command still runs', async () => {
    const queue = new PerStreamQueue();
    const failing = queue.run('s', async () => Promise.reject(new Error('conflict')));
    const next = queue.run('s', async () => 'next');
    await expect(failing).rejects.toThrow('conflict');
    await expect(next).resolves.toBe('next');
  });

  it('forgets a stream once its last command has ended', async () => {
    const queue = new PerStreamQueue();
    await Promise.all([queue.run('s', async () => 1), queue.run('t', async () => 2)]);
    await settle();
    expect(queue.busyStreams).toBe(0);
  });
});
