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

describe('a resolution teaches the detector', () => {
  const pair = {
    kind: 'need-plan' as const, needId: 'n1', otherId: 'p1', communityId: 'c1', sector: 'housing',
    wordings: ['Caravans for returning families', 'מבנים יבילים למשפחות'] as [string, string],
  };
  const taught = { ...pair, flagId: 'f1', reviewer: 'coordinator' };

  it('links the two wordings\' concepts when the pair is one effort, before the resolution', () => {
    spec
      .given([])
      .when({ type: 'ResolveDuplicateFlag', data: { ...resolution, pair } })
      .then([{ type: 'ConceptsLinked', data: taught }, { type: 'DuplicateFlagResolved', data: resolution }]);
  });

  it('separates them when the pair is two efforts', () => {
    const decided = { ...resolution, decision: 'not-duplicate' as const };
    spec
      .given([])
      .when({ type: 'ResolveDuplicateFlag', data: { ...decided, pair } })
      .then([{ type: 'ConceptsSeparated', data: taught }, { type: 'DuplicateFlagResolved', data: decided }]);
  });

  it('teaches nothing for complementary efforts or without the wordings', () => {
    const complementary = { ...resolution, decision: 'complementary' as const };
    spec.given([]).when({ type: 'ResolveDuplicateFlag', data: { ...complementary, pair } }).then([{ type: 'DuplicateFlagResolved', data: complementary }]);
    spec.given([]).when({ type: 'ResolveDuplicateFlag', data: resolution }).then([{ type: 'DuplicateFlagResolved', data: resolution }]);
  });

  it('does not teach twice when a resolution is retried', () => {
    spec
      .given([{ type: 'ConceptsLinked', data: taught }, { type: 'DuplicateFlagResolved', data: resolution }])
      .when({ type: 'ResolveDuplicateFlag', data: { ...resolution, pair } })
      .then([]);
  });
});
