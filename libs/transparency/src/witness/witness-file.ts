import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** One checkpoint a witness checked and cosigned: the log's note with the witness's line added. */
export interface WitnessedCheckpoint {
  /** The log's signed note plus the witness's cosignature line (what `verify --against` reads). */
  note: string;
  treeSize: number;
  rootHash: string;
  /** The witness's key (vkey form), so anyone holding the file can check the cosignature. */
  cosigner: string;
}

/**
 * The witness's own file, one JSON line per cosigned checkpoint, sizes only growing: the last
 * line is what the next checkpoint must be consistent with. Kept wherever the witness keeps its
 * records (another ward, the prefecture, a resident), never beside the service's store.
 */
export class WitnessFile {
  constructor(readonly path: string) {}

  readAll(): WitnessedCheckpoint[] {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as WitnessedCheckpoint];
        } catch {
          return []; // a line cut by a crash while appending
        }
      });
  }

  latest(): WitnessedCheckpoint | undefined {
    return this.readAll().at(-1);
  }

  append(entry: WitnessedCheckpoint): void {
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
  }
}

/** The cosigned entries of a witness file's text (lines naming a cosigner); empty for any other kept form. */
export function witnessedEntriesFrom(text: string): WitnessedCheckpoint[] {
  return text.split('\n').flatMap((line) => {
    if (!line.trim().startsWith('{')) return [];
    try {
      const entry = JSON.parse(line) as Partial<WitnessedCheckpoint>;
      return typeof entry.note === 'string' && typeof entry.cosigner === 'string' ? [entry as WitnessedCheckpoint] : [];
    } catch {
      return [];
    }
  });
}
