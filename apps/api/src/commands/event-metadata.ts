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

/** Metadata of events c2g writes on its own at a start (first admin key, carrying old files into the log). */
export function startupEventMetadata(purpose: string, now: string) {
  return { actor: 'c2g', actorKeyId: 'c2g', role: 'admin', commandId: purpose, correlationId: purpose, causationId: purpose, occurredAt: now };
}
