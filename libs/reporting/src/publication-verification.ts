import { dateLabel, tokyoDateTime } from '@pdca/kernel';
import { usesComparableFigures } from './template-version';

/**
 * The one line a published report carries so that a reader can check it (issues 13 and 14): where
 * to verify, the version's fingerprint, and the signed checkpoint whose log holds everything the
 * report was computed from. Part of what the publication pins, so it renders the same every time.
 */
export interface PublicationVerification {
  /** Where the published versions and their fingerprints are listed. */
  address: string;
  /** publicationFingerprint of the version (sha256:…). */
  fingerprint: string;
  /** The first signed checkpoint covering the report's log position (absent without a signing key). */
  checkpoint?: { treeSize: number; rootHash: string; keyId: string; time: string };
}

/** Enough of the root hash to find the checkpoint in the feed; the feed holds the whole one. */
export const SHORT_ROOT = 16;

/**
 * report-template/5 dates the checkpoint as the rest of the report: 和暦 with the Western date, Japan
 * time to the minute (令和5年9月14日（2023年9月14日）10:00), not the feed's UTC instant.
 */
export const checkpointTime = (time: string, templateVersion: string) =>
  usesComparableFigures(templateVersion)
    ? `${dateLabel(new Date(time))}${tokyoDateTime(new Date(time)).slice(11)}`
    : time;

export function verificationLine(verification: PublicationVerification, templateVersion: string): string {
  const parts = [`検証 ${verification.address}`, `指紋 ${verification.fingerprint}`];
  const checkpoint = verification.checkpoint;
  if (checkpoint) {
    parts.push(
      `チェックポイント ${checkpoint.treeSize}件 根 ${checkpoint.rootHash.slice(0, SHORT_ROOT)}… 鍵 ${checkpoint.keyId} ${checkpointTime(checkpoint.time, templateVersion)}`,
    );
  }
  return parts.join(' ・ ');
}
