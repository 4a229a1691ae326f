import { DeciderSpecification } from '../testing/decider-specification';
import { defaultProgramTerms } from '../program-terms';
import { pairingDecider } from './pairing.decider';
import { pairingCreated } from './pairing.fixtures';
import { PairingEvent } from './pairing.events';

const spec = DeciderSpecification.for(pairingDecider(defaultProgramTerms));
const abandonment = { pairingId: 'kfar-aza-boston', communityIds: ['kfar-aza', 'boston'], reason: 'creation did not complete' };
const abandoned: PairingEvent = { type: 'PairingAbandoned', data: abandonment };
const abandon = { type: 'AbandonPairing' as const, data: abandonment };

describe('abandoning a pairing whose creation never completed', () => {
  it('closes a pairing id that was never created', () => {
    spec.given([]).when(abandon).then([abandoned]);
  });

  it('leaves a created pairing alone: its creation completed', () => {
    spec.given([pairingCreated]).when(abandon).then([]);
  });

  it('changes nothing the second time', () => {
    spec.given([abandoned]).when(abandon).then([]);
  });

  it('refuses to create the pairing afterwards, so a late creation cannot revive it', () => {
    spec.given([abandoned]).when({ type: 'CreatePairing', data: pairingCreated.data as never }).thenThrows('pairing-abandoned');
  });

  it('leaves the abandoned id without a pairing for every other command', () => {
    spec.given([abandoned]).when({ type: 'ApproveRoadMap', data: { milestones: [] } }).thenThrows('pairing-not-found');
  });
});
