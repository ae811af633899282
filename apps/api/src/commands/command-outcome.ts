import { ContextChangedError, StaleRevisionError, WrongExpectedRevisionError } from '@pdca/event-store';
import { DomainError } from '@pdca/kernel';
import type { CommandOutcome } from '@pdca/platform';

/** The outcome label of pdca_commands_total for a command that threw. */
export function outcomeOfError(error: unknown): CommandOutcome {
  if (
    error instanceof StaleRevisionError ||
    error instanceof WrongExpectedRevisionError ||
    error instanceof ContextChangedError
  )
    return 'conflict';
  if (error instanceof DomainError)
    return error.kind === 'conflict' ? 'conflict' : error.kind === 'unavailable' ? 'failed' : 'rejected';
  return 'failed';
}
