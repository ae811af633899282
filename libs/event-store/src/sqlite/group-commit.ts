/**
 * Collects appends that arrive in the same turn of the event loop and commits them in one
 * transaction: one fsync for the group, each caller acknowledged only after that commit.
 * A failing request rolls back to its own savepoint and leaves the others in the group intact.
 */
export class GroupCommit<Request, Result> {
  private pending: Array<{ request: Request; resolve: (r: Result) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;

  constructor(
    private readonly commitGroup: (requests: Request[]) => Array<{ ok: true; value: Result } | { ok: false; error: unknown }>,
    private readonly maxGroupSize = 512,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits whatever is waiting now; used at shutdown so nothing acknowledged is dropped. */
  flush(): void {
    this.scheduled = false;
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, this.maxGroupSize);
      let outcomes: ReturnType<typeof this.commitGroup>;
      try {
        outcomes = this.commitGroup(group.map((p) => p.request));
      } catch (error) {
        group.forEach((p) => p.reject(error));
        continue;
      }
      outcomes.forEach((outcome, i) => (outcome.ok ? group[i].resolve(outcome.value) : group[i].reject(outcome.error)));
    }
  }
}
