import { eventStoreContract } from './event-store.contract';
import { EVENTSTORE_DB_PROMISES, eventStoreDbFixture } from './eventstoredb-fixture';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract('EventStoreDB adapter on a real server', async () => eventStoreDbFixture(connectionString), EVENTSTORE_DB_PROMISES);
} else {
  // Straight to stderr: Jest drops console output of a file whose tests are all skipped.
  process.stderr.write(
    'NOTICE: the EventStoreDB contract run against a real server is skipped: set EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false) to run it.\n',
  );
  describe('EventStore contract: EventStoreDB adapter on a real server', () => {
    it.skip('runs only when EVENTSTORE_CONNECTION_STRING names a server', () => undefined);
  });
}
