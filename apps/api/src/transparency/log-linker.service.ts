import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, logKeyFromSigningKey, storedForm } from '@pdca/event-store';
import { Environment, readSigningKeyFile } from '@pdca/platform';
import { LogLinker, LogLinkFile, logLinkFileOf, takeLinkerLock } from '@pdca/transparency';

/**
 * On EventStoreDB, links every event after commit (see LogLinker): in the API, which already holds
 * the signing key (the log key is derived from it), not the worker, so no second process needs it.
 * On SQLite nothing runs: the writer links each event under its write lock. Of several API
 * processes sharing DATA_DIR, the one holding the file's lock links; the others only verify.
 */
@Injectable()
export class LogLinkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('transparency');
  private linker?: LogLinker;
  private release?: () => void;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly environment: Environment,
  ) {}

  onApplicationBootstrap(): void {
    const keyFile = this.environment.TRANSPARENCY_SIGNING_KEY_FILE;
    if (!this.environment.EVENTSTORE_URL || !keyFile) return;
    const file = logLinkFileOf(this.environment.DATA_DIR);
    this.release = takeLinkerLock(file);
    if (!this.release) {
      this.logger.log(`log links: another process holds ${file}.lock; it links, this one does not`);
      return;
    }
    const key = logKeyFromSigningKey(readSigningKeyFile(keyFile));
    // The stored form (personal texts sealed), as the tree and every verifier hash it.
    this.linker = new LogLinker(storedForm(this.store), key, new LogLinkFile(file), this.logger);
    this.linker.start();
  }

  /** The position of the last link on disk (0: none, or not linking here). */
  get linkedPosition(): number {
    return this.linker?.linkedPosition ?? 0;
  }

  /** Why the linker stopped linking (the log no longer extends what it linked), once its tail was checked. */
  async refusal(): Promise<string | undefined> {
    await this.linker?.checked;
    return this.linker?.refusal;
  }

  get state(): string {
    return this.linker?.state ?? 'off';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.linker?.stop();
    this.release?.();
  }
}
