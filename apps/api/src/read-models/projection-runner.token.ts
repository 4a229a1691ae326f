/** Injection token of the app's one ProjectionRunner. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
