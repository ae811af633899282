import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, LogCursor, StoredEvent } from './event-log';
import { rpcError, streamIdentifier, streamNameOf, toReadEvent } from './wire-format';

type Call = ServerWritableStream<ReadReq, ReadResp>;
type EventPredicate = (event: StoredEvent) => boolean;

/** Streams.Read: stream reads, $all reads and $all subscriptions (catch-up, then live). */
export function readHandler(log: EventLog) {
  return (call: Call): void => {
    const options = call.request.getOptions();
    if (!options) {
      call.destroy(rpcError(status.INVALID_ARGUMENT, 'read request carried no options'));
      return;
    }
    const filter = filterOf(options);
    if (options.hasSubscription()) {
      if (!options.hasAll()) {
        call.destroy(rpcError(status.UNIMPLEMENTED, 'the fake only subscribes to $all'));
        return;
      }
      return subscribeToAll(log, call, allCursorOf(options.getAll()!), filter);
    }
    const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
    const count = Number(options.getCount());
    if (options.hasStream()) return readStream(log, call, options.getStream()!, forwards, count);
    const cursor = allCursorOf(options.getAll()!);
    const events = filter
      ? log.readAll(cursor, forwards, Infinity).filter(filter).slice(0, count)
      : log.readAll(cursor, forwards, count);
    for (const event of events) call.write(new ReadResp().setEvent(toReadEvent(event)));
    call.end();
  };
}

function readStream(
  log: EventLog,
  call: Call,
  options: ReadReq.Options.StreamOptions,
  forwards: boolean,
  count: number,
): void {
  const name = streamNameOf(options.getStreamIdentifier());
  const from: LogCursor = options.hasRevision() ? Number(options.getRevision()) : options.hasEnd() ? 'end' : 'start';
  const events = log.readStream(name, from, forwards, count);
  if (!events) {
    call.write(
      new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name))),
    );
  } else {
    for (const event of events) call.write(new ReadResp().setEvent(toReadEvent(event)));
  }
  call.end();
}

/**
 * Everything after the checkpoint is written synchronously and the live listener is registered in the same
 * tick, so no append can fall between catch-up and live.
 */
function subscribeToAll(log: EventLog, call: Call, from: LogCursor, filter: EventPredicate | undefined): void {
  const matches: EventPredicate = filter ?? (() => true);
  const send = (event: StoredEvent) => {
    if (matches(event)) call.write(new ReadResp().setEvent(toReadEvent(event)));
  };
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  const backlog = log.eventsAfter(from);
  backlog.forEach(send);
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  const checkpoint = backlog.at(-1)?.position ?? log.readAll('end', false, 1)[0]?.position ?? 0;
  if (filter)
    call.write(
      new ReadResp().setCheckpoint(
        new ReadResp.Checkpoint().setCommitPosition(String(checkpoint)).setPreparePosition(String(checkpoint)),
      ),
    );
  const stopListening = log.onAppended(send);
  call.on('cancelled', stopListening);
  call.on('close', stopListening);
  call.on('error', stopListening);
}

function allCursorOf(options: ReadReq.Options.AllOptions): LogCursor {
  if (options.hasPosition()) return Number(options.getPosition()!.getCommitPosition());
  return options.hasEnd() ? 'end' : 'start';
}

function filterOf(options: ReadReq.Options): EventPredicate | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  return (event) => {
    const value = onStream ? event.stream : event.type;
    return regex ? regex.test(value) : prefixes.some((prefix) => value.startsWith(prefix));
  };
}
