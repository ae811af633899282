/** Wakes waiting subscriptions when new events may exist; a timeout covers writers in other processes. */
export class WakeSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    waiters.forEach((wake) => wake());
  }

  /**
   * Ends at the next notify, after `timeoutMs`, or when `abort` fires, whichever comes first; its
   * timer goes with it, so a closed subscription keeps no process alive for the rest of its poll.
   */
  wait(timeoutMs: number, abort?: AbortSignal): Promise<void> {
    if (abort?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        abort?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
      abort?.addEventListener('abort', wake, { once: true });
    });
  }
}
