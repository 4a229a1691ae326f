import { DeciderSpecification } from '../testing/decider-specification';
import { defaultProgramTerms } from '../program-terms';
import { needDecider } from './need.decider';
import { NeedEvent, needStreamId } from './need.events';

const spec = DeciderSpecification.for(needDecider(defaultProgramTerms));
const mattresses = {
  needId: 'n1', pairingId: 'kfar-aza-boston', communityId: 'kfar-aza', title: 'Mattresses', description: '120 mattresses',
  sector: 'immediate-relief-goods', horizon: 'immediate' as const, estimatedCost: { amount: 3_600_000, currency: 'USD' },
  window: { from: '2024-11-01', to: '2024-12-31' }, quantity: 120,
};
const recorded: NeedEvent = { type: 'NeedRecorded', data: mattresses };

describe('needs', () => {
  it('are recorded with a sector from the taxonomy', () => {
    spec.given([]).when({ type: 'RecordNeed', data: mattresses }).then([recorded]);
    spec.given([]).when({ type: 'RecordNeed', data: { ...mattresses, sector: 'mattresses' } }).thenThrows('sector-unknown');
  });

  it('are refused with a cost of nothing', () => {
    spec.given([]).when({ type: 'RecordNeed', data: { ...mattresses, estimatedCost: { amount: 0, currency: 'USD' } } }).thenThrows('amount-not-positive');
  });

  it('are revised field by field, and a revision must change something', () => {
    const changes = { quantity: 150 };
    spec.given([recorded]).when({ type: 'ReviseNeed', data: { changes } }).then([{ type: 'NeedRevised', data: { needId: 'n1', changes } }]);
    spec.given([recorded]).when({ type: 'ReviseNeed', data: { changes: {} } }).thenThrows('nothing-to-revise');
    spec.given([recorded]).when({ type: 'ReviseNeed', data: { changes: { window: { from: '2025-01-01', to: '2024-01-01' } } } }).thenThrows('window-inverted');
  });

  it('close by fulfilment or cancellation, after which nothing changes', () => {
    spec.given([recorded]).when({ type: 'FulfilNeed', data: { note: 'delivered' } }).then([{ type: 'NeedFulfilled', data: { needId: 'n1', note: 'delivered' } }]);
    const fulfilled: NeedEvent = { type: 'NeedFulfilled', data: { needId: 'n1' } };
    spec.given([recorded, fulfilled]).when({ type: 'CancelNeed', data: { reason: 'dup' } }).thenThrows('need-closed');
    const cancelled: NeedEvent = { type: 'NeedCancelled', data: { needId: 'n1', reason: 'dup' } };
    spec.given([recorded, cancelled]).when({ type: 'ReviseNeed', data: { changes: { quantity: 1 } } }).thenThrows('need-closed');
  });

  it('that do not exist are not found', () => {
    spec.given([]).when({ type: 'FulfilNeed', data: {} }).thenThrows('need-not-found');
  });
});

describe('recording a need again', () => {
  it('is a no-op when identical (a retry) and refused when different', () => {
    spec.given([recorded]).when({ type: 'RecordNeed', data: mattresses }).then([]);
    spec.given([recorded]).when({ type: 'RecordNeed', data: { ...mattresses, quantity: 90 } }).thenThrows('need-already-exists');
  });

  it('compares with the need as revised since', () => {
    const revised: NeedEvent = { type: 'NeedRevised', data: { needId: 'n1', changes: { quantity: 150 } } };
    spec.given([recorded, revised]).when({ type: 'RecordNeed', data: { ...mattresses, quantity: 150 } }).then([]);
    spec.given([recorded, revised]).when({ type: 'RecordNeed', data: mattresses }).thenThrows('need-already-exists');
  });
});

describe('need windows', () => {
  it('may be a single day', () => {
    const changes = { window: { from: '2025-01-01', to: '2025-01-01' } };
    spec.given([recorded]).when({ type: 'ReviseNeed', data: { changes } }).then([{ type: 'NeedRevised', data: { needId: 'n1', changes } }]);
  });
});

describe('cancelling a need', () => {
  it('records the reason', () => {
    spec.given([recorded]).when({ type: 'CancelNeed', data: { reason: 'covered by plan tkm-14' } }).then([{ type: 'NeedCancelled', data: { needId: 'n1', reason: 'covered by plan tkm-14' } }]);
  });
});

describe('need streams', () => {
  it('are named need-<id>', () => {
    expect(needStreamId('n1')).toBe('need-n1');
  });

  it('ignore event types the decider does not know when folding', () => {
    const unknown = { type: 'SomethingFromTheFuture', data: {} } as unknown as NeedEvent;
    spec.given([recorded, unknown]).when({ type: 'RecordNeed', data: mattresses }).then([]);
  });
});
