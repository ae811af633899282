import { linkHash, linkTag, LOG_GENESIS, logEntry, LogKey, logLeaf, LogRow } from '@pdca/event-store';
import { Finding, finding } from './findings';

type Self = 'ok' | 'bad' | 'unchecked';
interface Seen {
  row: LogRow;
  self: Self;
}

export interface ChainCheckOptions {
  /** The current log key: links it made are recomputed; without it only unkeyed links are. */
  key?: LogKey;
  /** The row holding a link (a lookup, used only to name a break). */
  rowOfLink(link: string): LogRow | undefined;
  /** SQLite issues positions one by one: a gap between linked rows is a removal. */
  contiguousPositions: boolean;
  /** Whether the row's own per-stream hash holds: a whole new event was made (forged), not an old one edited. */
  streamHashHolds(row: LogRow): boolean;
}

/**
 * Walks the log chain in position order and names each break. A row's own link is recomputed
 * from its stored previous link and entry ("self"); its previous link must be the stored link of
 * the row before it ("link"). Which of the two fails, and where a broken link points, tells
 * altered, inserted, removed, reordered and forged apart:
 *  - self fails, the next row links to it → altered (it was in the chain, its content changed);
 *  - self fails, the next row links past it → inserted;
 *  - self fails at the tail, linked to the row before, its stream hash recomputed → forged (appended
 *    without the key); its stream hash broken → altered;
 *  - self holds at the position the row it links to is followed by → reordered;
 *  - links to a row that is gone, or positions skipped → removed;
 *  - an unkeyed or missing link after keyed ones → forged (made without the service's key).
 * Rows stored before the log chain existed (no link) are legacy: checkpoints cover them.
 */
export class ChainChecker {
  readonly findings: Finding[] = [];
  private previous?: Seen;
  private beforePrevious?: Seen;
  private pendingBad?: Seen;
  /** How the last checked row's own link fared ('ok': made by the current key or unkeyed, and intact). */
  lastSelf: Self = 'unchecked';
  private keyed = false;
  private chained = false;
  /** The last position before the chain started (legacy rows): where a chain's first row belongs. */
  private legacyEnd = 0;

  constructor(private readonly options: ChainCheckOptions) {}

  /** Whether a linked row was seen (after it, an unlinked row is forged). */
  get isChained(): boolean {
    return this.chained;
  }

  /** Whether a row linked with the current key was seen (after it, a row linked otherwise is forged). */
  get isKeyed(): boolean {
    return this.keyed;
  }

  /** `leaf`: the row's leaf hash (logLeaf of its entry), computed once for the chain and the tree. */
  check(row: LogRow, leaf: Buffer = logLeaf(logEntry(row))): void {
    if (row.logHash === null && !this.chained) {
      this.legacyEnd = row.position;
      return this.advance({ row, self: 'unchecked' }); // legacy
    }
    this.chained = true;
    const self = this.selfOf(row, leaf);
    if (this.pendingBad) this.resolvePending(row);
    if (self === 'bad') {
      if (!this.nameReorder(row)) this.pendingBad = { row, self };
      return this.advance({ row, self });
    }
    if (this.previous && this.previous.self !== 'bad') this.checkLink(this.previous.row, row);
    this.advance({ row, self });
  }

  /** The tail: a bad row nobody links to was appended after the end. */
  finish(): Finding[] {
    const tail = this.pendingBad;
    if (tail) {
      const linked = this.beforePrevious && tail.row.logPrev === this.beforePrevious.row.logHash;
      this.findings.push(
        linked && this.options.streamHashHolds(tail.row)
          ? at(
              'forged',
              tail.row,
              '末尾の記録はサービスの鍵で連結されていません（DB への直接追記）。',
              "the last event was not linked with the service's key: appended to the database directly",
            )
          : at(
              'altered',
              tail.row,
              '末尾の記録の内容が連結ハッシュと一致しません。',
              "the last event's content does not match its link hash",
            ),
      );
      this.pendingBad = undefined;
    }
    return this.findings;
  }

  private selfOf(row: LogRow, leaf: Buffer): Self {
    const key = this.options.key;
    if (row.logHash === null)
      return this.forged(
        row,
        '連結ハッシュのない記録が連結済みの記録の後にあります。',
        'an event without a link hash sits among linked events',
      );
    const tag = linkTag(row.logHash);
    if (key && tag === `k${key.id}`) this.keyed = true;
    else if (this.keyed)
      return this.forged(
        row,
        'サービスの現在の鍵で連結されていない記録が、その鍵の記録の後にあります。',
        `linked ${tag === 'h' ? 'without a key' : 'with another key'} after events linked with the service's current key`,
      );
    if (tag !== 'h' && !(key && tag === `k${key.id}`)) return 'unchecked'; // an earlier key: checkpoints cover it
    return this.linkHolds(row, row.position, leaf) ? 'ok' : 'bad';
  }

  private forged(row: LogRow, ja: string, en: string): Self {
    this.findings.push(at('forged', row, ja, en));
    return 'unchecked'; // named; its neighbours are still checked against it
  }

  private resolvePending(row: LogRow): void {
    const bad = this.pendingBad!;
    this.pendingBad = undefined;
    if (this.beforePrevious && row.logPrev === this.beforePrevious.row.logHash && row.logPrev !== bad.row.logHash) {
      this.findings.push(
        at(
          'inserted',
          bad.row,
          'この記録は連結に含まれていません（後から挿入）。次の記録はその前の記録に連結しています。',
          'this event is not part of the chain (inserted): the next event links to the one before it',
        ),
      );
    } else {
      this.findings.push(
        at(
          'altered',
          bad.row,
          '記録の内容（ストリーム・版・位置・種別・データ・メタデータ）が書き込み時の連結ハッシュと一致しません。',
          "the event's content (stream, revision, position, type, data or metadata) does not match the link hash it was written with",
        ),
      );
    }
  }

  /** A row whose content is intact at another position was moved: it belongs after the row it links to. */
  private nameReorder(row: LogRow): boolean {
    const original = this.writtenAt(row, 3);
    if (original === undefined || original === row.position) return false;
    this.findings.push(
      at(
        'reordered',
        row,
        `位置 ${original} に書き込まれた記録が位置 ${row.position} に移されています。`,
        `the event written at position ${original} now sits at position ${row.position}`,
      ),
    );
    return true;
  }

  /** The position a row's link was made at: right after the row it links to (which may have moved too). */
  private writtenAt(row: LogRow, depth: number): number | undefined {
    if (this.linkHolds(row, row.position)) return row.position;
    if (depth === 0 || row.logPrev === null) return undefined;
    const before = row.logPrev === LOG_GENESIS ? this.legacyEnd : this.writtenAtOfLink(row.logPrev, depth - 1);
    return before !== undefined && this.linkHolds(row, before + 1) ? before + 1 : undefined;
  }

  private writtenAtOfLink(link: string, depth: number): number | undefined {
    const holder = this.options.rowOfLink(link);
    return holder ? this.writtenAt(holder, depth) : undefined;
  }

  private linkHolds(row: LogRow, position: number, leaf = logLeaf(logEntry(entryAt(row, position)))): boolean {
    const tag = linkTag(row.logHash ?? ':');
    if (tag !== 'h' && tag !== `k${this.options.key?.id}`) return false;
    return linkHash(tag === 'h' ? undefined : this.options.key, row.logPrev ?? '', leaf) === row.logHash;
  }

  private checkLink(before: LogRow, row: LogRow): void {
    if (row.logPrev === before.logHash || before.logHash === null) {
      if (this.options.contiguousPositions && before.logHash !== null && row.position !== before.position + 1) {
        this.findings.push(
          at(
            'removed',
            row,
            `位置 ${before.position + 1}〜${row.position - 1} の記録が削除されています。`,
            `the events at positions ${before.position + 1}–${row.position - 1} were removed`,
          ),
        );
      }
      return;
    }
    const linkedTo = row.logPrev ? this.options.rowOfLink(row.logPrev)?.position : undefined;
    if (linkedTo === undefined) {
      this.findings.push(
        at(
          'removed',
          row,
          `この記録の前にあった記録（位置 ${before.position} の後）が削除されています。`,
          `the event(s) before this one (after position ${before.position}) were removed`,
        ),
      );
    } else if (linkedTo > row.position) {
      this.findings.push(
        at(
          'reordered',
          row,
          `この記録は位置 ${linkedTo} の記録の後に書き込まれました。`,
          `this event was written after the event at position ${linkedTo}`,
        ),
      );
    } else {
      this.findings.push(
        at(
          'inserted',
          before,
          `位置 ${linkedTo + 1}〜${before.position} の記録は連結に含まれていません（後から挿入）。`,
          `the events at positions ${linkedTo + 1}–${before.position} are not part of the chain (inserted)`,
        ),
      );
    }
  }

  private advance(seen: Seen): void {
    this.lastSelf = seen.self;
    this.beforePrevious = this.previous;
    this.previous = seen;
  }
}

/** The row's entry as if at `position` (fields named: a row may read its data only when asked). */
const entryAt = (row: LogRow, position: number) => ({
  stream: row.stream,
  revision: row.revision,
  position,
  id: row.id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
});

const at = (kind: Finding['kind'], row: LogRow, ja: string, en: string): Finding =>
  finding(kind, { position: row.position, eventId: row.id, stream: row.stream, revision: row.revision }, ja, en);
