export * from './tracing';
export * from './log-context';
export * from './c2g-logger';
