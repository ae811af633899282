import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './event-log';
import { parseProposedMessage, rpcError, streamNameOf } from './wire-format';

/** Streams.Append: one options message, then the proposed events, answered once the client ends its stream. */
export function appendHandler(log: EventLog) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, respond: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      respond(error as Error);
    };

    call.on('data', (request: AppendReq) => {
      if (failed) return;
      try {
        if (request.hasOptions()) options = request.getOptions();
        else if (request.hasProposedMessage()) proposed.push(parseProposedMessage(request.getProposedMessage()!));
      } catch (error) {
        fail(error);
      }
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (failed) return;
      if (!options) return fail(rpcError(status.INVALID_ARGUMENT, 'append stream carried no options'));
      const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expectedStateOf(options), proposed);
      respond(null, toAppendResp(outcome, options));
    });
  };
}

function expectedStateOf(options: AppendReq.Options): ExpectedState {
  if (options.hasRevision()) return Number(options.getRevision());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function toAppendResp(outcome: AppendOutcome, options: AppendReq.Options): AppendResp {
  if (outcome.kind === 'wrong_expected_version') {
    const failure = new AppendResp.WrongExpectedVersion();
    if (outcome.currentRevision === undefined) failure.setCurrentNoStream(new Empty());
    else failure.setCurrentRevision(String(outcome.currentRevision));
    if (options.hasRevision()) failure.setExpectedRevision(options.getRevision());
    else if (options.hasNoStream()) failure.setExpectedNoStream(new Empty());
    else if (options.hasStreamExists()) failure.setExpectedStreamExists(new Empty());
    else failure.setExpectedAny(new Empty());
    return new AppendResp().setWrongExpectedVersion(failure);
  }
  const success = new AppendResp.Success();
  if (outcome.lastRevision < 0) success.setNoStream(new Empty());
  else success.setCurrentRevision(String(outcome.lastRevision));
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else
    success.setPosition(
      new AppendResp.Position()
        .setCommitPosition(String(outcome.position))
        .setPreparePosition(String(outcome.position)),
    );
  return new AppendResp().setSuccess(success);
}
