import { randomUUID } from 'node:crypto';
import { DataKeyStore } from '@c2g/event-store';

/** What every adapter's data-key store promises (crypto-shredding of personal data). */
export function dataKeyStoreContract(name: string, open: () => Promise<{ keys: () => DataKeyStore; other: () => DataKeyStore; dispose(): Promise<void> }>): void {
  describe(`data-key store: ${name}`, () => {
    let fixture: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      fixture = await open();
    }, 30_000);
    afterAll(async () => fixture.dispose());

    it('makes a 32-byte key once: the same key for every later call, on every connection', async () => {
      const id = randomUUID();
      expect(await fixture.keys().find(id)).toEqual({ state: 'unknown' });
      const key = await fixture.keys().provide(id);
      expect(key?.length).toBe(32);
      expect(await fixture.keys().provide(id)).toEqual(key);
      expect(await fixture.other().provide(id)).toEqual(key);
      expect(await fixture.other().find(id)).toEqual({ state: 'present', key });
    });

    it('lets two connections racing to make a key agree on one', async () => {
      const id = randomUUID();
      const [a, b] = await Promise.all([fixture.keys().provide(id), fixture.other().provide(id)]);
      expect(a).toEqual(b);
    });

    it('destroys a key for every connection and never makes it again', async () => {
      const id = randomUUID();
      await fixture.keys().provide(id);
      expect(await fixture.other().destroy(id)).toBe(true);
      expect(await fixture.keys().find(id)).toEqual({ state: 'destroyed' });
      expect(await fixture.keys().provide(id)).toBeUndefined();
      expect(await fixture.other().find(id)).toEqual({ state: 'destroyed' });
      expect(await fixture.keys().destroy(id)).toBe(true);
    });

    it('says false when destroying a key that was never made, and makes none', async () => {
      const id = randomUUID();
      expect(await fixture.keys().destroy(id)).toBe(false);
      expect(await fixture.keys().find(id)).toEqual({ state: 'unknown' });
    });
  });
}
