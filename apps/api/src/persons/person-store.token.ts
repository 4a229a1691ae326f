/** Injection token of the person store (team members' personal data, outside the event log). */
export const PERSON_STORE = Symbol('PERSON_STORE');
