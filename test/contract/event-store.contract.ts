import { appendContract } from './append.contract';
import { FixtureFactory, StorePromises } from './event-store-fixture';
import { modelContract } from './model.contract';
import { readContract } from './read.contract';
import { subscriptionContract } from './subscription.contract';

/** Every promise of the EventStore port, run once per adapter, with the idempotency promise that adapter keeps. */
export function eventStoreContract(adapterName: string, factory: FixtureFactory, promises: StorePromises): void {
  describe(`EventStore contract: ${adapterName} (event ids ${promises.eventIds})`, () => {
    appendContract(factory, promises);
    readContract(factory);
    subscriptionContract(factory);
    modelContract(factory);
  });
}
