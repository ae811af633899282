import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readFileSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { LOG_GENESIS } from '@pdca/event-store';

/** One event's log link, kept outside the store: its `$all` position and the link made over it. */
export interface StoredLink {
  position: number;
  link: string;
}

/** The last linked event and the link before it (what the next link and the tail check need). */
export interface LinkTail {
  position: number;
  link: string;
  /** The position of the event linked before it (0: it is the first). */
  previousPosition: number;
  previousLink: string;
}

const TAIL_BYTES = 4_096;

/** Where the EventStoreDB log's links are kept: beside the checkpoint file, outside the store. */
export const logLinkFileOf = (dataDir: string): string => join(dataDir, 'log-links.jsonl');

/**
 * The keyed log chain of an EventStoreDB log (issue 13): EventStoreDB assigns positions after the
 * write, so the links cannot be stored with the events; the API's linker keeps them here, one JSON
 * line per event in `$all` order, beside the checkpoint file and never rewritten. An insider who
 * edits the server's files cannot recompute a link (it is an HMAC under the log key); one who
 * edits this file can only break links, which `verify` names.
 */
export class LogLinkFile {
  constructor(readonly path: string) {}

  readAll(): StoredLink[] {
    if (!existsSync(this.path)) return [];
    return parseLines(readFileSync(this.path, 'utf8'));
  }

  /** The last two links, from the file's end only (the linker restarts from its own tail). */
  tail(): LinkTail | undefined {
    return tailOf(this.lastLines((lines) => lines.length >= 2));
  }

  /** The links at and after a position, read from the file's end (the signer checks those since its last checkpoint). */
  linksFrom(position: number): StoredLink[] {
    return this.lastLines((lines) => lines.length > 0 && lines[0].position < position).filter(
      (link) => link.position >= position,
    );
  }

  /** Complete lines from the end, in windows growing until `enough` or the file's start. */
  private lastLines(enough: (lines: StoredLink[]) => boolean): StoredLink[] {
    if (!existsSync(this.path)) return [];
    const fd = openSync(this.path, 'r');
    try {
      const size = fstatSync(fd).size;
      for (let bytes = TAIL_BYTES; ; bytes *= 4) {
        const start = Math.max(0, size - bytes);
        const buffer = Buffer.alloc(size - start);
        readSync(fd, buffer, 0, buffer.length, start);
        const text = buffer.toString('utf8');
        const lines = parseLines(start > 0 ? text.slice(text.indexOf('\n') + 1) : text); // the first may be cut
        if (start === 0 || enough(lines)) return lines;
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Cuts a line a crash left half-written (never a stored link: a link counts once its line and
   * newline are on disk), so the next append starts on a line of its own.
   */
  dropTornLine(): void {
    if (!existsSync(this.path)) return;
    const fd = openSync(this.path, 'r+');
    try {
      const size = fstatSync(fd).size;
      let end = size;
      const buffer = Buffer.alloc(TAIL_BYTES);
      while (end > 0) {
        const start = Math.max(0, end - TAIL_BYTES);
        readSync(fd, buffer, 0, end - start, start);
        const newline = buffer.subarray(0, end - start).lastIndexOf(0x0a);
        if (newline >= 0) {
          if (start + newline + 1 < size) ftruncateSync(fd, start + newline + 1);
          return;
        }
        end = start;
      }
      if (size > 0) ftruncateSync(fd, 0); // one torn line and nothing before it
    } finally {
      closeSync(fd);
    }
  }

  /** Appends a batch and waits for it to be on disk (off the event loop: one fsync per batch). */
  async append(links: readonly StoredLink[]): Promise<void> {
    if (links.length === 0) return;
    const handle = await open(this.path, 'a', 0o644);
    try {
      await handle.appendFile(links.map((l) => `${JSON.stringify(l)}\n`).join(''));
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}

function parseLines(text: string): StoredLink[] {
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    try {
      const parsed = JSON.parse(line) as Partial<StoredLink>;
      return typeof parsed.position === 'number' && typeof parsed.link === 'string'
        ? [{ position: parsed.position, link: parsed.link }]
        : [];
    } catch {
      return []; // a line cut by a crash while appending
    }
  });
}

function tailOf(lines: StoredLink[]): LinkTail | undefined {
  const last = lines[lines.length - 1];
  if (!last) return undefined;
  const before = lines[lines.length - 2];
  return {
    ...last,
    previousPosition: before?.position ?? 0,
    previousLink: before?.link ?? LOG_GENESIS,
  };
}
