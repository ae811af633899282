import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  connectEventStoreDb,
  EVENT_STORE,
  EventStore,
  holdStoreLease,
  logKeyFromSigningKey,
  SqliteEventStore,
} from '@pdca/event-store';
import { openPersonalDataStore } from './personal-data-store';
import { ChainedEventStore } from '@pdca/audit';
import { Environment } from '../config/environment';
import { readSigningKeyFile } from '../config/signing-key-file';
import { processMetrics } from '../metrics/metrics';
import { TimedAppends } from '../metrics/timed-appends';

/**
 * The adapter chosen by configuration, always behind the hash chain so every stream is tamper-evident,
 * and outermost the personal-data layer: the chain hashes texts as sealed, so erasing one breaks nothing.
 */
export function openEventStore(environment: Environment): EventStore {
  return openPersonalDataStore(
    new ChainedEventStore(new TimedAppends(openAdapter(environment), processMetrics())),
    environment.DATA_DIR,
  );
}

function openAdapter(environment: Environment): EventStore {
  if (environment.EVENTSTORE_URL) return connectEventStoreDb(environment.EVENTSTORE_URL);
  mkdirSync(environment.DATA_DIR, { recursive: true });
  // With the signing key, every process that appends links the log with an HMAC (issue 13).
  const keyFile = environment.TRANSPARENCY_SIGNING_KEY_FILE;
  return new SqliteEventStore(join(environment.DATA_DIR, 'events.db'), {
    logKey: keyFile ? logKeyFromSigningKey(readSigningKeyFile(keyFile)) : undefined,
  });
}

/** The event store chosen by configuration: EventStoreDB when EVENTSTORE_URL is set, else embedded SQLite. */
@Global()
@Module({
  providers: [{ provide: EVENT_STORE, useFactory: openEventStore, inject: [Environment] }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');
  /** The embedded store is in use by this service: `pdca restore` refuses to replace it (see store-lease.ts). */
  private readonly releaseLease?: () => void;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    environment: Environment,
  ) {
    if (!environment.EVENTSTORE_URL)
      this.releaseLease = holdStoreLease(join(environment.DATA_DIR, 'events.db'), 'service');
  }

  /** Runs after the HTTP server stopped and subscriptions closed: pending group commits are flushed first. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.releaseLease?.();
    this.logger.log('event store closed');
  }
}
