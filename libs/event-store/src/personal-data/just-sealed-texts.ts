import { LRUCache } from 'lru-cache';

/** Texts kept at most: far more than the commands in flight at once; one not read back by then goes the usual way. */
const CAPACITY = 4_096;

/**
 * The texts this process has just sealed, each kept until a subscription reads its event back, once:
 * that read opens it from here, without the key lookup and the decryption (the personal-data layer's
 * share of answering a command at 1 client, README, Performance). Only a subscription's read
 * (ReadAllOptions.following) asks. A rebuild, an export or a verification opens every text with its
 * key, so a text erased since is read as erased there, and an erasure in this process forgets all.
 */
export class JustSealedTexts {
  /** Read with `peek` only: the oldest text leaves first. */
  private readonly texts = new LRUCache<string, { place: string; text: string }>({ max: CAPACITY });

  remember(kid: string, place: string, text: string): void {
    this.texts.set(kid, { place, text });
  }

  /** The text sealed under `kid` for `place`, forgotten as it is taken; undefined when not kept. */
  take(kid: string, place: string): string | undefined {
    const kept = this.texts.peek(kid);
    if (kept?.place !== place) return undefined;
    this.texts.delete(kid);
    return kept.text;
  }

  forget(kids: readonly string[]): void {
    kids.forEach((kid) => this.texts.delete(kid));
  }

  forgetAll(): void {
    this.texts.clear();
  }
}
