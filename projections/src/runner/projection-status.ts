/** Where one projection stands, for /ready, the CLI and query answers. */
export interface ProjectionStatus {
  name: string;
  version: number;
  /** building: catching up from 0 (an older version may be serving); live: caught up once; parked: stopped on an event. */
  state: 'building' | 'live' | 'parked';
  /** Position of the last event applied by the version being built or run. */
  checkpoint: string;
  /** Version answering queries now (an older one while a rebuild catches up). */
  servingVersion: number;
  /** Position the serving version reflects. */
  servingPosition: string;
  parked?: ParkedEvent;
  /** An older version still advancing while this one rebuilds (Projection.previous) stopped on an event. */
  servingParked?: ParkedEvent;
}

export interface ParkedEvent {
  position: string;
  eventId: string;
  streamId: string;
  type: string;
  error: string;
  parkedAt: string;
}
