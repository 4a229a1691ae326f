/** Injection token of the person vault (team members' personal data, sealed in events under erasable keys). */
export const PERSON_STORE = Symbol('PERSON_STORE');
