import type { EvaluationCommand, ItemRef } from '@pdca/review';
import type { CommandRequest } from '../commands/command-request';

type WithoutContext<C> = C extends unknown ? Omit<C, 'context'> : never;

/** @nestjs/cqrs message for every command on one item of one fiscal year. */
export class EvaluateItemCommand {
  constructor(
    readonly ref: ItemRef,
    readonly command: WithoutContext<EvaluationCommand>,
    readonly request: CommandRequest,
  ) {}
}
