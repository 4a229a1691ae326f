import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { duplicateFlagStreamId } from '@c2g/domain';
import { getDuplicateFlag, ReadSide } from '@c2g/projections';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { PROJECTION_RUNNER } from '../../read-models/projection-runner.token';
import { ResolveDuplicateFlagDto } from '../dto/resolve-duplicate-flag.dto';

export class ResolveDuplicateFlag {
  constructor(readonly flagId: string, readonly body: ResolveDuplicateFlagDto, readonly context: CommandContext) {}
}

/** A reviewer's decision on a raised flag; the reviewer is the caller's key label. */
@CommandHandler(ResolveDuplicateFlag)
export class ResolveDuplicateFlagHandler implements ICommandHandler<ResolveDuplicateFlag, CommandResult> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly deciders: Deciders,
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadSide,
  ) {}

  execute({ flagId, body, context }: ResolveDuplicateFlag): Promise<CommandResult> {
    // Flags are raised by the detector (a read model), so that is where an unknown id shows.
    if (!getDuplicateFlag(this.runner.database('duplicate-flags'), flagId)) {
      throw new NotFoundException({ code: 'duplicate-flag-not-found', message: `no duplicate flag ${flagId}` });
    }
    const data = { flagId, decision: body.decision, note: body.note, reviewer: context.principal.label };
    return this.executor.on(
      { id: flagId, streamId: duplicateFlagStreamId(flagId), decider: this.deciders.duplicateFlag },
      { type: 'ResolveDuplicateFlag', data },
      context,
    );
  }
}
