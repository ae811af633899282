import { ChainedEventStore } from '@pdca/audit';
import { SqliteEventStore } from '@pdca/event-store';
import { openPersonalDataStore } from '@pdca/platform';
import { dirname } from 'node:path';
import { buildReportModel, councilQueue, cycleItems, ProjectionRunner, ReadModels, wardOf } from '@pdca/projections';

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

export interface ServedViews {
  catalogue: unknown;
  items: unknown;
  councilQueue: unknown;
  report: unknown;
}

/** What the API serves for one ward's cycle, read as its planning office once the views reached `position`. */
export async function servedViews(
  base: string,
  token: string,
  wardId: string,
  fiscalYear: number,
  position: number,
): Promise<ServedViews> {
  const get = async (path: string) => {
    const response = await fetch(`${base}/wards/${wardId}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const items = await get(`/cycles/${fiscalYear}/items?minPosition=${position}`);
  return {
    catalogue: await get(`/catalogue?minPosition=${position}`),
    items: items.items,
    councilQueue: (await get(`/cycles/${fiscalYear}/council-queue?minPosition=${position}`)).items,
    report: await get(`/cycles/${fiscalYear}/report`),
  };
}

/** The same views computed from read models rebuilt from zero with ProjectionRunner.rebuild. */
export function rebuiltViews(models: ReadModels, wardId: string, fiscalYear: number, now = new Date()): ServedViews {
  const ward = wardOf(models, wardId);
  return plain({
    catalogue: { revision: ward.catalogueRevision, ...ward.catalogue },
    items: cycleItems(ward, fiscalYear, now),
    councilQueue: councilQueue(ward, fiscalYear, now),
    report: buildReportModel(ward, wardId, fiscalYear),
  });
}

/** Rebuilds from zero on its own connection to the file the API writes, through the same chained store. */
export async function rebuildFromFile(file: string): Promise<{ models: ReadModels; head: number }> {
  const store = openPersonalDataStore(new ChainedEventStore(new SqliteEventStore(file)), dirname(file));
  try {
    const head = await store.headPosition();
    return { models: await ProjectionRunner.rebuild(store, head), head };
  } finally {
    await store.close();
  }
}
