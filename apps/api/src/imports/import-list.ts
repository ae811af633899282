import type { EventStore } from '@pdca/event-store';
import { journalEvents } from './import-journal';

/** One import as the office's list shows it (the web app's ImportEntry). */
export interface ImportListEntry {
  importId: string;
  files: string[];
  importedAt: string;
  importedBy?: string;
  records: number;
  catalogueCommands: number;
  status: 'started' | 'completed' | 'abandoned' | 'reverting' | 'reverted';
  revertedAt?: string;
  revertReason?: string;
}

/**
 * A ward's imports, newest first, folded from the import journal. Imports confirmed before batches
 * existed are not in the journal and are not listed (they can still be reverted by their id).
 */
export async function listImports(store: EventStore, wardId: string): Promise<ImportListEntry[]> {
  const imports = new Map<string, ImportListEntry>();
  for (const { type, data } of await journalEvents(store)) {
    if (data.wardId !== wardId) continue;
    const entry = imports.get(data.importId);
    if (type === 'ImportBatchOpened' && data.batch === 'import') {
      imports.set(data.importId, {
        importId: data.importId,
        files: data.files ?? [],
        importedAt: data.at ?? '',
        importedBy: data.by,
        records: data.records ?? 0,
        catalogueCommands: data.catalogueCommands ?? 0,
        status: 'started',
      });
    } else if (entry && type === 'ImportBatchOpened') {
      Object.assign(entry, { status: 'reverting', revertedAt: data.at, revertReason: data.reason });
    } else if (entry && type === 'ImportBatchClosed') {
      const abandoned = data.outcome === 'abandoned';
      if (data.batch === 'import') entry.status = abandoned ? 'abandoned' : 'completed';
      else entry.status = abandoned ? 'completed' : 'reverted';
    }
  }
  return [...imports.values()].reverse();
}
