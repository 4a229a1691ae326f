import { eventLeafHash as serverLeafHash, MemoryMerkleNodes, MerkleTree } from '@c2g/event-store';
import { eventLeafHash, verifyInclusion } from '../../apps/console/src/merkle';

const event = (i: number) => ({
  eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  streamId: `pairing-p${i % 3}`,
  revision: Math.floor(i / 3),
  position: i + 1,
  hash: (i * 7919).toString(16).padStart(64, 'a'),
});

describe('console transparency-log check (in the browser)', () => {
  it('recomputes the leaf of an event exactly as the server does', async () => {
    for (const i of [0, 1, 41]) {
      const e = event(i);
      const server = serverLeafHash({ ...e, revision: BigInt(e.revision), position: BigInt(e.position), metadata: { hash: e.hash } as never });
      await expect(eventLeafHash(e)).resolves.toBe(server.toString('hex'));
    }
  });

  it('accepts every audit path the server builds and refuses a wrong leaf, root, index or size', async () => {
    const nodes = new MemoryMerkleNodes();
    const leaves: string[] = [];
    for (let i = 0; i < 13; i += 1) {
      leaves.push(await eventLeafHash(event(i)));
      nodes.append(Buffer.from(leaves[i], 'hex'));
    }
    const tree = new MerkleTree(nodes);
    for (const size of [1, 2, 7, 8, 13]) {
      const root = tree.root(size).toString('hex');
      for (let index = 0; index < size; index += 1) {
        const path = tree.inclusionProof(index, size).map((h) => h.toString('hex'));
        await expect(verifyInclusion(index, size, leaves[index], path, root)).resolves.toBe(true);
        if (size > 1) {
          await expect(verifyInclusion(index, size, leaves[(index + 1) % size], path, root)).resolves.toBe(false);
          await expect(verifyInclusion((index + 1) % size, size, leaves[index], path, root)).resolves.toBe(false);
        }
        await expect(verifyInclusion(index, size, leaves[index], path, tree.root(size === 13 ? 12 : 13).toString('hex'))).resolves.toBe(false);
      }
    }
    await expect(verifyInclusion(13, 13, leaves[0], [], tree.root(13).toString('hex'))).resolves.toBe(false);
  });
});
