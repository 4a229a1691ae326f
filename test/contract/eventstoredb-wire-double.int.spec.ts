import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { eventStoreContract } from './event-store.contract';
import { eventStoreDbFixture } from './eventstoredb-fixture';

eventStoreContract('EventStoreDB adapter over the gRPC wire double', async () => {
  const server = await startEventStoreDbDouble();
  return eventStoreDbFixture(server.connectionString, server.stop);
});
