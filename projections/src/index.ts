export * from './runner/projection';
export * from './runner/projection-status';
export * from './runner/projection-runner';
export * from './all-projections';
