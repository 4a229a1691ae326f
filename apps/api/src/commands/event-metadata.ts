import type { CommandContext } from './command-context';

/** What every event a request writes records about it (DESIGN section 4). */
export function eventMetadataOf(context: CommandContext) {
  return {
    actor: context.principal.label,
    actorKeyId: context.principal.keyId,
    role: context.principal.role,
    commandId: context.commandId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: context.now,
    requestHash: context.requestHash,
  };
}
