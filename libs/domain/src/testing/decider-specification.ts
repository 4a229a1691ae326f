import { Decider, fold } from '../decider/decider';
import { ProgramRuleError } from '../decider/program-rule-error';

/**
 * Given/When/Then for deciders: given the events already in a stream, when a command
 * arrives, then exactly these events are decided, or the command is refused with a code.
 */
export const DeciderSpecification = {
  for<C, E, S>(decider: Decider<C, E, S>) {
    return {
      given(events: E[]) {
        return {
          when(command: C) {
            const decide = () => decider.decide(command, fold(decider, events));
            return {
              then(expected: E[]): void {
                expect(decide()).toEqual(expected);
              },
              thenThrows(code: string, details?: Record<string, unknown>): void {
                let error: unknown;
                try {
                  decide();
                } catch (thrown) {
                  error = thrown;
                }
                expect(error).toBeInstanceOf(ProgramRuleError);
                expect((error as ProgramRuleError).code).toBe(code);
                if (details) expect((error as ProgramRuleError).details).toMatchObject(details);
              },
            };
          },
        };
      },
    };
  },
};
