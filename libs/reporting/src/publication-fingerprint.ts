import { createHash } from 'node:crypto';

/** What a publication pins: enough to regenerate it and to check it against the hash chains. */
export interface PinnedPublication {
  version: number;
  position: number;
  templateVersion: string;
  chainHeads: Record<string, { revision: number; hash: string }>;
}

/**
 * A published version's fingerprint: SHA-256 over what the version pins (ward, year, version, log
 * position, template, every stream's chain head), as canonical JSON with sorted streams.
 * Why the pin and not the file's bytes: the fingerprint is printed inside the report, so it cannot
 * hash the report itself, and one fingerprint covers every format (HTML, PDF, CSV, JSON, Excel are
 * rendered from the same pin). Anyone holding the event log can recompute it.
 */
export function publicationFingerprint(wardId: string, fiscalYear: number, publication: PinnedPublication): string {
  const chainHeads = Object.keys(publication.chainHeads)
    .sort()
    .map((stream) => [stream, publication.chainHeads[stream].revision, publication.chainHeads[stream].hash]);
  const canonical = JSON.stringify([
    wardId,
    fiscalYear,
    publication.version,
    publication.position,
    publication.templateVersion,
    chainHeads,
  ]);
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}
