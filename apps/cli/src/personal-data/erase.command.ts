import { readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { erasePersonalTexts, personalDataStoreOf, scanPersonalTexts } from '@pdca/event-store';
import { loadEnvironmentOrExit, openEventStore } from '@pdca/platform';

export const ERASE_USAGE = `  pdca erase --ward <wardId> (--contains <text> | --event <eventId> --field <path>) --reason <text> [--dry-run] [--json]
                                           erase personal data in notes and comments (APPI): destroys the texts' keys,
                                           records the erasure; the history still verifies (exit 0 erased, 1 nothing matched)`;

/** The projection snapshot and its writers' temporary files: copies of the read models, texts readable. */
const isSnapshotFile = (name: string) =>
  name === 'projections.snapshot' || /^projections\.snapshot\.(\d+\.)?tmp$/.test(name);

/**
 * `pdca erase`: what POST /wards/{w}/personal-data/erasures does, for an operator on the server.
 * A running API notices the destroyed keys within seconds and re-projects; the snapshot on disk is
 * removed here, so a stopped API rebuilds from zero instead of loading the text from it.
 */
export async function eraseCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ward: { type: 'string' },
      contains: { type: 'string' },
      event: { type: 'string' },
      field: { type: 'string' },
      reason: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const { ward, contains, event, field, reason } = values;
  if (!ward || !reason || (!contains && !(event && field))) throw new Error(`usage:\n${ERASE_USAGE}`);
  const environment = loadEnvironmentOrExit('cli');
  const store = openEventStore(environment);
  try {
    const personal = personalDataStoreOf(store)!;
    const { sealed: found, unsealed } = await scanPersonalTexts(personal, {
      wardId: ward,
      contains,
      fields: event && field ? [{ eventId: event, field }] : undefined,
    });
    if (unsealed.length > 0 && !values['dry-run']) {
      // As the API's 409: a text stored before sealing has no key to destroy (README, Erasing personal data).
      for (const p of unsealed)
        out(`not erasable (stored before sealing): ${p.type} ${p.field} (${p.stream}, position ${p.position})`);
      out('nothing erased: name the sealed texts with --event/--field to erase them alone');
      return 1;
    }
    if (found.length === 0) {
      out('nothing erased: no readable personal text matches (erased texts are not searched)');
      return 1;
    }
    const places = found.map(({ kid: _kid, text: _text, ...place }) => place);
    if (values['dry-run']) {
      const preview = found.map(({ kid: _kid, ...place }) => place);
      out(
        values.json
          ? JSON.stringify({ dryRun: true, texts: preview }, null, 2)
          : preview
              .map((p) => `would erase ${p.type} ${p.field} (${p.stream}, position ${p.position}): ${p.text}`)
              .join('\n'),
      );
      return 0;
    }
    const position = await erasePersonalTexts(personal, found, {
      wardId: ward,
      reason,
      actor: `cli:${userInfo().username}`,
      role: 'operator',
      now: new Date(),
    });
    for (const name of readdirSync(environment.DATA_DIR).filter(isSnapshotFile))
      rmSync(join(environment.DATA_DIR, name), { force: true });
    out(
      values.json
        ? JSON.stringify({ dryRun: false, position, texts: places }, null, 2)
        : `erased ${found.length} texts, recorded at position ${position}; a running API re-projects within seconds, a stopped one rebuilds on start`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
