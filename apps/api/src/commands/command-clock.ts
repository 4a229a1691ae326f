import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A symbol key: nothing a request carries (header, body, query) can set it. */
const COMMAND_TIME = Symbol('c2g.commandTime');

/**
 * The server time a command is stamped with (its events' `occurredAt`; the domain takes time
 * only as this input). Over HTTP it is always the wall clock: no key of any role can back-date.
 */
export function commandTimeOf(request: object): string {
  return (request as { [COMMAND_TIME]?: string })[COMMAND_TIME] ?? new Date().toISOString();
}

/**
 * Lets an in-process loader (`c2g demo`) drive the clock of the app it created, so its history
 * carries the dates the program would have had. Must be called before `app.init()`; an app
 * serving HTTP never calls it.
 */
export function driveCommandClock(app: NestFastifyApplication, clock: () => Date): void {
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request) => {
    (request as unknown as { [COMMAND_TIME]: string })[COMMAND_TIME] = clock().toISOString();
  });
}
