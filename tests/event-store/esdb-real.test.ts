import { connectEventStoreDb } from '@pdca/event-store';
import { describeEventStoreBehaviour } from './event-store.behaviour';

const url = process.env.EVENTSTORE_URL;

if (url) {
  // Every test writes to fresh, uniquely named streams, so a shared database needs no cleanup.
  describeEventStoreBehaviour(
    `EventStoreDB adapter on ${url}`,
    async () => {
      const store = connectEventStoreDb(url);
      return { store, cleanup: () => store.close() };
    },
    { rejectsIdsFromOtherStreams: false, tellsRepeats: false },
  );
} else {
  describe.skip('EventStoreDB adapter on a real server (set EVENTSTORE_URL, e.g. esdb://localhost:2113?tls=false, to run)', () => {
    it('runs the event store behaviour suite', () => undefined);
  });
}
