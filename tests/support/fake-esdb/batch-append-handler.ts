import type { ServerDuplexStream } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AllStreamPosition, BadRequest, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './event-log';
import { parseProposedMessage, streamIdentifier, streamNameOf } from './wire-format';

interface PendingBatch {
  options: BatchAppendReq.Options;
  proposed: ProposedEvent[];
}

/**
 * Streams.BatchAppend, which clients prefer when the server advertises it: one long-lived duplex stream
 * carrying many appends, each a run of requests sharing a correlation id and ending with is_final.
 */
export function batchAppendHandler(log: EventLog) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, PendingBatch>();
    const refused = new Set<string>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId()!;
      const key = correlationId.getString();
      if (refused.has(key)) return;
      const batch = pending.get(key) ?? { options: request.getOptions()!, proposed: [] };
      pending.set(key, batch);
      const stream = streamNameOf(batch.options.getStreamIdentifier());
      const reply = (response: BatchAppendResp) =>
        call.write(response.setCorrelationId(correlationId).setStreamIdentifier(streamIdentifier(stream)));
      try {
        batch.proposed.push(...request.getProposedMessagesList().map(parseProposedMessage));
      } catch (error) {
        pending.delete(key);
        refused.add(key);
        return reply(badRequest(error));
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      reply(toBatchAppendResp(log.append(stream, expectedStateOf(batch.options), batch.proposed), batch.options));
    });
    call.on('error', () => undefined);
    call.on('end', () => call.end());
  };
}

/** Clients only decode errors that carry typed details, so a refusal is sent as a BadRequest. */
function badRequest(error: unknown): BatchAppendResp {
  const details = new Any();
  details.pack(
    new BadRequest().setMessage(String((error as Error).message)).serializeBinary(),
    'event_store.client.BadRequest',
  );
  return new BatchAppendResp().setError(
    new Status().setCode(Code.INVALID_ARGUMENT).setMessage('Bad request.').setDetails(details),
  );
}

function expectedStateOf(options: BatchAppendReq.Options): ExpectedState {
  if (options.hasStreamPosition()) return Number(options.getStreamPosition());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function toBatchAppendResp(outcome: AppendOutcome, options: BatchAppendReq.Options): BatchAppendResp {
  const response = new BatchAppendResp();
  if (options.hasStreamPosition()) response.setStreamPosition(options.getStreamPosition());
  else if (options.hasNoStream()) response.setNoStream(new Empty());
  else if (options.hasStreamExists()) response.setStreamExists(new Empty());
  else response.setAny(new Empty());

  if (outcome.kind === 'wrong_expected_version') {
    const failure = new WrongExpectedVersion();
    if (outcome.currentRevision === undefined) failure.setCurrentNoStream(new Empty());
    else failure.setCurrentStreamRevision(String(outcome.currentRevision));
    if (options.hasStreamPosition()) failure.setExpectedStreamPosition(options.getStreamPosition());
    else if (options.hasNoStream()) failure.setExpectedNoStream(new Empty());
    else if (options.hasStreamExists()) failure.setExpectedStreamExists(new Empty());
    else failure.setExpectedAny(new Empty());
    const details = new Any();
    details.pack(failure.serializeBinary(), 'event_store.client.WrongExpectedVersion');
    return response.setError(
      new Status().setCode(Code.FAILED_PRECONDITION).setMessage('Wrong expected version.').setDetails(details),
    );
  }
  const success = new BatchAppendResp.Success();
  if (outcome.lastRevision < 0) success.setNoStream(new Empty());
  else success.setCurrentRevision(String(outcome.lastRevision));
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else
    success.setPosition(
      new AllStreamPosition().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position)),
    );
  return response.setSuccess(success);
}
