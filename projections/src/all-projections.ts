import { Projection } from './runner/projection';

/** Every read model the API serves, in the order they are fed. */
export function allProjections(): Projection[] {
  return [];
}
