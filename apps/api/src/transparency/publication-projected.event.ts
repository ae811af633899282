import type { CheckpointReason } from '@pdca/transparency';

/**
 * Told on the @nestjs/cqrs EventBus by this process's projector when it applies a publication or a
 * correction recorded after the process started (by any process on the store): the checkpoint signer
 * signs right after it. The bus loses a message only with this process, and then the next interval's
 * checkpoint covers the publication anyway, so nothing durable depends on it.
 */
export class PublicationProjected {
  constructor(
    readonly position: number,
    readonly reason: CheckpointReason,
  ) {}
}

const SIGNED_AT: Readonly<Record<string, CheckpointReason>> = {
  ReportPublished: 'publication',
  ReportCorrected: 'correction',
};

/** The reason to sign after an event of this type, if any. */
export const checkpointReasonOf = (eventType: string): CheckpointReason | undefined => SIGNED_AT[eventType];
