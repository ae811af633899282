import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append-handler';
import { batchAppendHandler } from './batch-append-handler';
import { EventLog, type StoredEvent } from './event-log';
import { readHandler } from './read-handler';

export interface FakeEsdbOptions {
  /**
   * true (default) behaves like EventStoreDB 21.10+: it advertises Streams.BatchAppend, which the client then
   * uses for every append. false behaves like 20.x: no ServerFeatures service, so the client falls back to
   * Streams.Append.
   */
  batchAppend?: boolean;
}

export interface FakeEsdb {
  connectionString: string;
  /** Writes an event the way the server writes its own ($-prefixed stream and type). */
  writeSystemEvent(stream: string, type: string): StoredEvent;
  /** Changes a stored event's data in place, as someone with the server's files could (tamper tests). */
  rewriteEvent(stream: string, revision: number, data: (text: string) => string): void;
  /** Deletes a stored event from `$all` and its stream, as someone with the server's files could (tamper tests). */
  removeEvent(stream: string, revision: number): void;
  stop(): Promise<void>;
}

const STREAMS_SERVICE = 'event_store.client.streams.streams';

export async function startFakeEsdb({ batchAppend = true }: FakeEsdbOptions = {}): Promise<FakeEsdb> {
  const log = new EventLog();
  const server = new Server();
  server.addService(StreamsService, {
    read: readHandler(log),
    append: appendHandler(log),
    ...(batchAppend ? { batchAppend: batchAppendHandler(log) } : {}),
  });
  if (batchAppend) {
    server.addService(ServerFeaturesService, {
      getSupportedMethods: supportedMethods(['read', 'append', 'batchappend']),
    });
  }
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    writeSystemEvent: (stream, type) => log.appendSystemEvent(stream, type),
    rewriteEvent: (stream, revision, data) => log.rewrite(stream, revision, data),
    removeEvent: (stream, revision) => log.remove(stream, revision),
    // Live subscriptions never end by themselves, so a graceful shutdown would wait for ever.
    stop: async () => server.forceShutdown(),
  };
}

function supportedMethods(methodNames: string[]) {
  return (_call: ServerUnaryCall<Empty, SupportedMethods>, respond: sendUnaryData<SupportedMethods>): void => {
    const methods = methodNames.map((name) =>
      new SupportedMethod().setServiceName(STREAMS_SERVICE).setMethodName(name),
    );
    respond(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('23.10.0-fake'));
  };
}
