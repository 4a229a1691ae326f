import { DeciderSpecification } from '../testing/decider-specification';
import { defaultProgramTerms } from '../program-terms';
import { pairingDecider } from './pairing.decider';
import { pairingCreated } from './pairing.fixtures';

const spec = DeciderSpecification.for(pairingDecider(defaultProgramTerms));
const create = (overrides: object = {}) => ({
  type: 'CreatePairing' as const,
  data: { ...(pairingCreated.data as object), ...overrides } as never,
});

describe('creating a pairing', () => {
  it('is accepted for three years at the program minimum', () => {
    spec.given([]).when(create()).then([pairingCreated]);
  });

  it('is a no-op when the identical pairing is created again (a retry)', () => {
    spec.given([pairingCreated]).when(create()).then([]);
  });

  it('is refused when another pairing has the same id', () => {
    spec.given([pairingCreated]).when(create({ partnershipType: 'existing' })).thenThrows('pairing-already-exists');
  });

  it('is refused for fewer than three years', () => {
    const commitment = { annual: { amount: 25_000_000, currency: 'USD' }, years: 2, startDate: '2024-07-01' };
    spec.given([]).when(create({ commitment })).thenThrows('commitment-too-short', { minimumYears: 3 });
  });

  it('is refused below $250,000 a year', () => {
    const commitment = { annual: { amount: 24_999_999, currency: 'USD' }, years: 3, startDate: '2024-07-01' };
    spec.given([]).when(create({ commitment })).thenThrows('commitment-below-minimum');
  });

  it('is refused in a currency other than the minimum’s, with no implicit exchange', () => {
    const commitment = { annual: { amount: 100_000_000, currency: 'ILS' }, years: 3, startDate: '2024-07-01' };
    spec.given([]).when(create({ commitment })).thenThrows('commitment-currency-unsupported');
  });

  it('follows configured program terms rather than fixed numbers', () => {
    const terms = { ...defaultProgramTerms, minimumYears: 5 };
    DeciderSpecification.for(pairingDecider(terms)).given([]).when(create()).thenThrows('commitment-too-short');
  });

  it('is refused when both sides are the same community', () => {
    spec.given([]).when(create({ globalCommunityId: 'kfar-aza' })).thenThrows('pairing-same-community');
  });

  it('refuses every other command on a pairing that does not exist', () => {
    spec.given([]).when({ type: 'ApproveRoadMap', data: { milestones: [] } }).thenThrows('pairing-not-found');
  });
});

describe('the refusals of a pairing creation', () => {
  it('name the program minimum when the commitment is below it', () => {
    const commitment = { annual: { amount: 1, currency: 'USD' }, years: 3, startDate: '2024-07-01' };
    spec.given([]).when(create({ commitment })).thenThrows('commitment-below-minimum', { minimum: { amount: 25_000_000, currency: 'USD' } });
  });
});
