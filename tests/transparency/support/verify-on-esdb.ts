import { openEventStore } from '@pdca/platform';
import { verifyCommand } from '../../../apps/cli/src/verify.command';
import { environmentFor } from './insider-world';

/** `pdca verify --json` against the API's data directory on an EventStoreDB: its exit code and report. */
export async function verifyOnEsdb<Report>(
  apiDir: string,
  eventStoreUrl: string,
): Promise<{ code: number; report: Report }> {
  const environment = { ...environmentFor(apiDir), EVENTSTORE_URL: eventStoreUrl };
  const store = openEventStore(environment);
  const lines: string[] = [];
  try {
    const code = await verifyCommand(store, { json: true }, (line) => lines.push(line), { environment });
    return { code, report: JSON.parse(lines.join('\n')) as Report };
  } finally {
    await store.close();
  }
}
