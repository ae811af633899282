import { connectEventStoreDb } from '@pdca/event-store';
import { startFakeEsdb } from '../support/fake-esdb';
import { describeEventStoreBehaviour } from './event-store.behaviour';

// The real client library talks gRPC to an in-process fake server, once per append path the client can take.
for (const [label, batchAppend] of [
  ['BatchAppend, as against EventStoreDB 21.10+', true],
  ['Append, as against EventStoreDB 20.x', false],
] as const) {
  describeEventStoreBehaviour(
    `EventStoreDB adapter on the fake server (${label})`,
    async () => {
      const server = await startFakeEsdb({ batchAppend });
      const store = connectEventStoreDb(server.connectionString);
      return {
        store,
        cleanup: async () => {
          await store.close();
          await server.stop();
        },
      };
    },
    { rejectsIdsFromOtherStreams: false, tellsRepeats: false },
  );
}
