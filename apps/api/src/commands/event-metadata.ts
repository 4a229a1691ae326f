import type { CommandContext } from './command-context';

/**
 * What every event a request writes records about it (DESIGN section 4). With tracing on,
 * also the W3C `traceparent` of the command's span, so the projector thread's batch spans
 * join the request's trace.
 */
export function eventMetadataOf(context: CommandContext, traceparent?: string) {
  return {
    actor: context.principal.label,
    actorKeyId: context.principal.keyId,
    role: context.principal.role,
    commandId: context.commandId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: context.now,
    requestHash: context.requestHash,
    ...(traceparent ? { traceparent } : {}),
  };
}
