/**
 * Runs the commands of one stream one after another inside this process. Optimistic concurrency
 * alone makes a burst on one stream (a ward's catalogue, one cycle) fail: every command in a
 * commit group reads the same revision and only one wins per round, so after a few retries the
 * rest would get a 409 although nobody asked for If-Match. Queuing per stream lets each command
 * decide on the state its predecessor left; commands on different streams still run in parallel,
 * and the revision check stays for writers in other processes.
 */
export class PerStreamQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(stream) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(stream, tail);
    // The map holds only streams with work pending: the last command to finish removes its entry.
    void tail.then(() => {
      if (this.tails.get(stream) === tail) this.tails.delete(stream);
    });
    return result;
  }

  /** Streams with commands queued or running (for tests and diagnostics). */
  get busyStreams(): number {
    return this.tails.size;
  }
}
