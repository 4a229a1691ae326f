/** Injection token of the app's read side (the projector thread, or a runner in this thread). */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

/** Injection token of the app's as-of builds (off the request thread, from snapshots). */
export const AS_OF_BUILDS = Symbol('AS_OF_BUILDS');
