import { assertSector, defaultProgramTerms } from './program-terms';
import { schemaVersionOf } from './schema-versions';
import { DEFAULT_SECTORS } from './shared/sector';
import { upcasters } from './upcasters';

describe('the program terms', () => {
  it('refuse a sector outside the taxonomy, listing the taxonomy', () => {
    let error: unknown;
    try {
      assertSector(defaultProgramTerms, 'space-program');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'sector-unknown', details: { sectors: DEFAULT_SECTORS } });
    expect(() => assertSector(defaultProgramTerms, 'housing')).not.toThrow();
  });
});

describe('event schema versions', () => {
  it('are 1 for every event type so far, and for a type not listed', () => {
    expect(schemaVersionOf('PairingCreated')).toBe(1);
    expect(schemaVersionOf('NotAnEventType')).toBe(1);
  });

  it('have an upcaster for every step below the current version of a type', () => {
    for (const upcaster of upcasters) {
      expect(typeof upcaster.type).toBe('string');
      expect(upcaster.fromVersion).toBeLessThan(schemaVersionOf(upcaster.type));
    }
  });
});
