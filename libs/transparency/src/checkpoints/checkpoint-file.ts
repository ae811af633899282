import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { parseCheckpoint } from '../checkpoint';
import { parseNote } from '../signed-note';

/** Why a checkpoint was signed. */
export type CheckpointReason = 'upgrade' | 'interval' | 'publication' | 'correction' | 'rotation';

export interface StoredCheckpoint {
  reason: CheckpointReason;
  /** The C2SP signed note, as served and as witnesses keep it. */
  note: string;
  /** The verifier key (name+id+base64) of the key that signed it: old checkpoints name their old key. */
  signer: string;
}

/**
 * The checkpoints the service signed, one JSON line each, in a file beside (not inside) the event
 * store: an insider who edits the database does not touch them, and one who edits this file can
 * only delete lines (the signatures are the key's, not the database's); witnesses keep copies.
 */
export class CheckpointFile {
  constructor(readonly path: string) {}

  append(checkpoint: StoredCheckpoint): void {
    appendFileSync(this.path, `${JSON.stringify(checkpoint)}\n`, { mode: 0o644 });
  }

  readAll(): StoredCheckpoint[] {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as StoredCheckpoint];
        } catch {
          return []; // a line cut by a crash while appending
        }
      });
  }

  latest(): StoredCheckpoint | undefined {
    const all = this.readAll();
    return all[all.length - 1];
  }
}

/** Signed notes from what a witness kept: this file's JSON lines, the public feed's JSON, or notes separated by blank lines. */
export function checkpointNotesFrom(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed) as
        { note?: string; items?: Array<{ note?: string; content_text?: string }> } | Array<{ note?: string }>;
      const items = Array.isArray(parsed) ? parsed : (parsed.items ?? [parsed]);
      return items.map((item) => item.note ?? (item as { content_text?: string }).content_text ?? '').filter(Boolean);
    } catch {
      return trimmed.split('\n').flatMap((line) => {
        try {
          return [(JSON.parse(line) as StoredCheckpoint).note];
        } catch {
          return [];
        }
      });
    }
  }
  return splitNotes(text);
}

/** Notes back to back: each is text lines, a blank line, signature lines (starting with an em dash). */
function splitNotes(text: string): string[] {
  const notes: string[] = [];
  let current: string[] = [];
  let inSignatures = false;
  for (const line of text.split('\n')) {
    if (inSignatures && !line.startsWith('\u2014 ')) {
      notes.push(`${current.join('\n')}\n`);
      current = [];
      inSignatures = false;
      if (line === '') continue;
    }
    if (line === '' && current.length > 0 && !inSignatures) inSignatures = true;
    current.push(line);
  }
  if (inSignatures) notes.push(`${current.join('\n')}\n`);
  return notes.filter((note) => parseNote(note) !== undefined && parseCheckpoint(parseNote(note)!.text) !== undefined);
}
