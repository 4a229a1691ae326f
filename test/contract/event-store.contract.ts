import { appendContract } from './append.contract';
import { FixtureFactory } from './event-store-fixture';
import { modelContract } from './model.contract';
import { readContract } from './read.contract';
import { subscriptionContract } from './subscription.contract';

/** Every promise of the EventStore port, run once per adapter. */
export function eventStoreContract(adapterName: string, factory: FixtureFactory): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    appendContract(factory);
    readContract(factory);
    subscriptionContract(factory);
    modelContract(factory);
  });
}
