import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from './command-runner.service';

/**
 * Command responses carry the stream revision as ETag (for the next If-Match) and the global
 * position (for ?minPosition= on later reads). 202 when the views have not caught up yet.
 */
export function commandResponse<Event extends { type: string }, Extra extends object>(
  response: FastifyReply,
  outcome: CommandOutcome<Event>,
  extra: Extra,
) {
  response.header('ETag', `"${outcome.revision}"`);
  response.header('X-Position', String(outcome.position));
  response.status(outcome.projected ? 200 : 202);
  return {
    stream: outcome.stream,
    revision: outcome.revision,
    position: outcome.position,
    replayed: outcome.replayed,
    projected: outcome.projected,
    events: outcome.events.map((event) => event.type),
    ...extra,
  };
}
