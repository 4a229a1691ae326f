/**
 * A decider is the whole behaviour of one stream type, with no framework and no I/O:
 * `decide` turns a command and the current state into new events (or throws a
 * ProgramRuleError), `evolve` folds one event into the state, `initialState` is the
 * state of a stream that does not exist yet.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Rebuilds a stream's state from its events. */
export function fold<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
