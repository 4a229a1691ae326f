export * from './merkle-hash';
export * from './merkle-tree';
export * from './merkle-proofs';
export * from './memory-merkle-nodes';
export * from './event-leaf';
export * from './signed-note';
export * from './checkpoint';
