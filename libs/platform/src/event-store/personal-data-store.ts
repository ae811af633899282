import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, KeyStore, PersonalDataEventStore } from '@pdca/event-store';

/** The key store's file, beside the embedded log (also with EventStoreDB: the keys never go into the log). */
export const personalDataKeyFile = (dataDir: string) => join(dataDir, 'personal-data-keys.db');

/** Seals personal texts on append and opens them on read; see libs/event-store/src/personal-data. */
export function openPersonalDataStore(chained: EventStore, dataDir: string): PersonalDataEventStore {
  mkdirSync(dataDir, { recursive: true });
  return new PersonalDataEventStore(chained, new KeyStore(personalDataKeyFile(dataDir)));
}
