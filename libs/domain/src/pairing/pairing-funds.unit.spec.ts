import { DeciderSpecification } from '../testing/decider-specification';
import { defaultProgramTerms } from '../program-terms';
import { PairingEvent } from './pairing.events';
import { pairingDecider } from './pairing.decider';
import { pairingCreated, usd } from './pairing.fixtures';

const spec = DeciderSpecification.for(pairingDecider(defaultProgramTerms));
const pledge = (pledgeId: string, year: number, dollars: number) => ({
  type: 'MakePledge' as const,
  data: { pledgeId, year, amount: usd(dollars) },
});
const pledged = (pledgeId: string, year: number, dollars: number): PairingEvent => ({
  type: 'PledgeMade',
  data: { pairingId: 'kfar-aza-boston', pledgeId, year, amount: usd(dollars) },
});
const disburse = (disbursementId: string, pledgeId: string, dollars: number) => ({
  type: 'DisburseFunds' as const,
  data: { disbursementId, pledgeId, amount: usd(dollars) },
});
const disbursed = (disbursementId: string, pledgeId: string, dollars: number): PairingEvent => ({
  type: 'FundsDisbursed',
  data: { pairingId: 'kfar-aza-boston', disbursementId, pledgeId, amount: usd(dollars) },
});

describe('pledges', () => {
  it('are accepted for a program year within the term', () => {
    spec.given([pairingCreated]).when(pledge('p1', 3, 100_000)).then([pledged('p1', 3, 100_000)]);
  });

  it.each([0, 4])('are refused for year %i, outside the three-year term', (year) => {
    spec.given([pairingCreated]).when(pledge('p1', year, 100_000)).thenThrows('pledge-outside-term', { years: 3 });
  });

  it('are refused in another currency than the commitment', () => {
    spec
      .given([pairingCreated])
      .when({ type: 'MakePledge', data: { pledgeId: 'p1', year: 1, amount: { amount: 500, currency: 'ILS' } } })
      .thenThrows('currency-mismatch');
  });

  it('are refused for nothing', () => {
    spec.given([pairingCreated]).when(pledge('p1', 1, 0)).thenThrows('amount-not-positive');
  });

  it('are a no-op when repeated identically, a conflict when the id is reused', () => {
    spec.given([pairingCreated, pledged('p1', 1, 10)]).when(pledge('p1', 1, 10)).then([]);
    spec.given([pairingCreated, pledged('p1', 1, 10)]).when(pledge('p1', 2, 10)).thenThrows('pledge-already-exists');
  });
});

describe('disbursements', () => {
  it('are accepted up to what was pledged, in parts', () => {
    spec
      .given([pairingCreated, pledged('p1', 1, 100_000), disbursed('d1', 'p1', 60_000)])
      .when(disburse('d2', 'p1', 40_000))
      .then([disbursed('d2', 'p1', 40_000)]);
  });

  it('never exceed the pledge', () => {
    spec
      .given([pairingCreated, pledged('p1', 1, 100_000), disbursed('d1', 'p1', 60_000)])
      .when(disburse('d2', 'p1', 40_001))
      .thenThrows('disbursement-exceeds-pledge', { remaining: 4_000_000 });
  });

  it('need a pledge of this pairing', () => {
    spec.given([pairingCreated]).when(disburse('d1', 'nope', 1)).thenThrows('pledge-not-found');
  });

  it('are a no-op when a disbursement is repeated identically', () => {
    spec.given([pairingCreated, pledged('p1', 1, 10), disbursed('d1', 'p1', 10)]).when(disburse('d1', 'p1', 10)).then([]);
  });
});

describe('a pledge id reused', () => {
  it('is a conflict when the amount or the need differs, even in the same year', () => {
    spec.given([pairingCreated, pledged('p1', 1, 10)]).when(pledge('p1', 1, 11)).thenThrows('pledge-already-exists');
    spec
      .given([pairingCreated, pledged('p1', 1, 10)])
      .when({ type: 'MakePledge', data: { pledgeId: 'p1', year: 1, amount: usd(10), needId: 'n1' } })
      .thenThrows('pledge-already-exists');
  });

  it('is a retry when the need is repeated too', () => {
    const withNeed = { pledgeId: 'p1', year: 1, amount: usd(10), needId: 'n1' };
    spec
      .given([pairingCreated, { type: 'PledgeMade', data: { pairingId: 'kfar-aza-boston', ...withNeed } }])
      .when({ type: 'MakePledge', data: withNeed })
      .then([]);
  });
});

describe('a disbursement id reused', () => {
  it('is a conflict when the pledge or the amount differs', () => {
    const given = [pairingCreated, pledged('p1', 1, 100), pledged('p2', 1, 100), disbursed('d1', 'p1', 10)];
    spec.given(given).when(disburse('d1', 'p2', 10)).thenThrows('disbursement-already-exists');
    spec.given(given).when(disburse('d1', 'p1', 11)).thenThrows('disbursement-already-exists');
  });
});
