import { DeciderSpecification } from '../testing/decider-specification';
import { duplicateFlagDecider, duplicateFlagStreamId } from './duplicate-flag.decider';

const spec = DeciderSpecification.for(duplicateFlagDecider);
const resolution = { flagId: 'f1', decision: 'duplicate' as const, note: 'same caravans', reviewer: 'coordinator' };

describe('duplicate flags', () => {
  it('are resolved once', () => {
    spec.given([]).when({ type: 'ResolveDuplicateFlag', data: resolution }).then([{ type: 'DuplicateFlagResolved', data: resolution }]);
  });

  it('treat the same resolution again as a retry and refuse a different one', () => {
    const resolved = { type: 'DuplicateFlagResolved' as const, data: resolution };
    spec.given([resolved]).when({ type: 'ResolveDuplicateFlag', data: resolution }).then([]);
    spec
      .given([resolved])
      .when({ type: 'ResolveDuplicateFlag', data: { ...resolution, decision: 'not-duplicate' } })
      .thenThrows('duplicate-flag-already-resolved', { decision: 'duplicate' });
  });
});

describe('a duplicate flag resolved again', () => {
  it('is a conflict when only the note differs: the first resolution stands as written', () => {
    const resolved = { type: 'DuplicateFlagResolved' as const, data: resolution };
    spec
      .given([resolved])
      .when({ type: 'ResolveDuplicateFlag', data: { ...resolution, note: 'different caravans after all' } })
      .thenThrows('duplicate-flag-already-resolved', { decision: 'duplicate' });
  });

  it('lives in the stream duplicate-flag-<id>', () => {
    expect(duplicateFlagStreamId('f1')).toBe('duplicate-flag-f1');
  });
});
