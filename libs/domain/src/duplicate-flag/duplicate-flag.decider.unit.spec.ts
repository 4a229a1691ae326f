import { DeciderSpecification } from '../testing/decider-specification';
import { duplicateFlagDecider } from './duplicate-flag.decider';

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
