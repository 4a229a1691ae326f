import { DeciderSpecification } from '../testing/decider-specification';
import { fold } from '../decider/decider';
import { communityDecider } from './community.decider';
import { CommunityEvent, CommunityProfile, communityStreamId } from './community.events';

const spec = DeciderSpecification.for(communityDecider);
const kfarAza: CommunityProfile = {
  communityId: 'kfar-aza', name: 'Kfar Aza', nameHe: 'כפר עזה', aliases: ['Kfar Azza'],
  kind: 'israeli', settlementType: 'kibbutz', regionalCouncil: "Sha'ar HaNegev", country: 'IL',
};
const boston: CommunityProfile = { communityId: 'boston', name: 'Boston', aliases: [], kind: 'global', settlementType: 'federation', country: 'US' };
const registered = (profile: CommunityProfile): CommunityEvent => ({ type: 'CommunityRegistered', data: profile });
const paired = (communityId: string, pairingId: string): CommunityEvent => ({ type: 'CommunityPaired', data: { communityId, pairingId } });
const pair = (communityId: string, pairingId: string, as: 'israeli' | 'global') => ({ type: 'PairCommunity' as const, data: { communityId, pairingId, as } });

describe('communities', () => {
  it('register once; an identical repeat is a no-op, a different one a conflict', () => {
    spec.given([]).when({ type: 'RegisterCommunity', data: kfarAza }).then([registered(kfarAza)]);
    spec.given([registered(kfarAza)]).when({ type: 'RegisterCommunity', data: kfarAza }).then([]);
    spec.given([registered(kfarAza)]).when({ type: 'RegisterCommunity', data: { ...kfarAza, name: 'Other' } }).thenThrows('community-already-registered');
  });

  it('an Israeli community has at most one active pairing', () => {
    spec.given([registered(kfarAza)]).when(pair('kfar-aza', 'p1', 'israeli')).then([paired('kfar-aza', 'p1')]);
    spec.given([registered(kfarAza), paired('kfar-aza', 'p1')]).when(pair('kfar-aza', 'p2', 'israeli')).thenThrows('community-already-paired', { pairingId: 'p1' });
  });

  it('pairing the same pairing again is a retry, not a second pairing', () => {
    spec.given([registered(kfarAza), paired('kfar-aza', 'p1')]).when(pair('kfar-aza', 'p1', 'israeli')).then([]);
  });

  it('an Israeli community can be paired again after being unpaired', () => {
    const unpaired: CommunityEvent = { type: 'CommunityUnpaired', data: { communityId: 'kfar-aza', pairingId: 'p1', reason: 'partner withdrew' } };
    spec.given([registered(kfarAza), paired('kfar-aza', 'p1'), unpaired]).when(pair('kfar-aza', 'p2', 'israeli')).then([paired('kfar-aza', 'p2')]);
  });

  it('a global community may hold several pairings', () => {
    spec.given([registered(boston), paired('boston', 'p1')]).when(pair('boston', 'p2', 'global')).then([paired('boston', 'p2')]);
  });

  it('each community must stand on its own side of a pairing', () => {
    spec.given([registered(boston)]).when(pair('boston', 'p1', 'israeli')).thenThrows('community-kind-mismatch');
  });

  it('commands on an unregistered community are refused as not found', () => {
    spec.given([]).when(pair('nowhere', 'p1', 'israeli')).thenThrows('community-not-found');
  });

  it('residents return to Israeli communities only', () => {
    const returned = { communityId: 'kfar-aza', date: '2025-03-01', count: 300 };
    spec.given([registered(kfarAza)]).when({ type: 'RecordResidentsReturned', data: returned }).then([{ type: 'ResidentsReturned', data: returned }]);
    spec.given([registered(boston)]).when({ type: 'RecordResidentsReturned', data: { ...returned, communityId: 'boston' } }).thenThrows('community-kind-mismatch');
  });
});

describe('an identical repeat', () => {
  it('is recognised whatever the order of its fields', () => {
    const reordered = Object.fromEntries(Object.entries(kfarAza).reverse()) as CommunityProfile;
    spec.given([registered(kfarAza)]).when({ type: 'RegisterCommunity', data: reordered }).then([]);
  });
});

describe('unpairing', () => {
  const unpair = (communityId: string, pairingId: string) => ({ type: 'UnpairCommunity' as const, data: { communityId, pairingId, reason: 'partner withdrew' } });
  const unpaired = (communityId: string, pairingId: string): CommunityEvent => ({ type: 'CommunityUnpaired', data: { communityId, pairingId, reason: 'partner withdrew' } });

  it('ends an active pairing of the community', () => {
    spec.given([registered(kfarAza), paired('kfar-aza', 'p1')]).when(unpair('kfar-aza', 'p1')).then([unpaired('kfar-aza', 'p1')]);
  });

  it('is a no-op for a pairing that is not active (a retry, or never paired)', () => {
    spec.given([registered(kfarAza), paired('kfar-aza', 'p1'), unpaired('kfar-aza', 'p1')]).when(unpair('kfar-aza', 'p1')).then([]);
    spec.given([registered(kfarAza)]).when(unpair('kfar-aza', 'p1')).then([]);
  });

  it('ends only that pairing: the others of a global community stay active', () => {
    const history = [registered(boston), paired('boston', 'p1'), paired('boston', 'p2'), unpaired('boston', 'p1')];
    spec.given(history).when(unpair('boston', 'p2')).then([unpaired('boston', 'p2')]);
    spec.given(history).when(pair('boston', 'p2', 'global')).then([]);
    spec.given(history).when(pair('boston', 'p1', 'global')).then([paired('boston', 'p1')]);
  });
});

describe('community streams', () => {
  it('are named community-<id>', () => {
    expect(communityStreamId('kfar-aza')).toBe('community-kfar-aza');
  });

  it('ignore event types the decider does not know when folding', () => {
    const unknown = { type: 'SomethingFromTheFuture', data: {} } as unknown as CommunityEvent;
    spec.given([registered(kfarAza), unknown]).when({ type: 'RegisterCommunity', data: kfarAza }).then([]);
    expect(fold(communityDecider, [registered(kfarAza), unknown])).toEqual(fold(communityDecider, [registered(kfarAza)]));
  });
});
