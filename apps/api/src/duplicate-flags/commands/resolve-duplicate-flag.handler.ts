import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { duplicateFlagStreamId } from '@c2g/domain';
import { explainDuplicatePair, getDuplicateFlag, ReadSide } from '@c2g/projections';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { PROJECTION_RUNNER } from '../../read-models/projection-runner.token';
import { ResolveDuplicateFlagDto } from '../dto/resolve-duplicate-flag.dto';
import { judgedPair } from './judged-pair';

export class ResolveDuplicateFlag {
  constructor(readonly flagId: string, readonly body: ResolveDuplicateFlagDto, readonly context: CommandContext) {}
}

/**
 * A reviewer's decision on a raised flag; the reviewer is the caller's key label. The pair's
 * wordings go with it, so that the decision teaches the detector (ConceptsLinked / Separated).
 */
@CommandHandler(ResolveDuplicateFlag)
export class ResolveDuplicateFlagHandler implements ICommandHandler<ResolveDuplicateFlag, CommandResult> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly deciders: Deciders,
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadSide,
  ) {}

  execute({ flagId, body, context }: ResolveDuplicateFlag): Promise<CommandResult> {
    // Flags are raised by the detector (a read model), so that is where an unknown id shows.
    const db = this.runner.database('duplicate-flags');
    const flag = getDuplicateFlag(db, flagId);
    if (!flag) {
      throw new NotFoundException({ code: 'duplicate-flag-not-found', message: `no duplicate flag ${flagId}` });
    }
    const other = 'planId' in flag ? (flag.planId as string) : 'otherNeedId' in flag ? (flag.otherNeedId as string) : undefined;
    const explained = other === undefined ? undefined : explainDuplicatePair(db, flag.kind as 'need-plan' | 'need-need', flag.needId, other);
    const pair = explained && judgedPair(explained);
    const data = { flagId, decision: body.decision, note: body.note, reviewer: context.principal.label, ...(pair ? { pair } : {}) };
    return this.executor.on(
      { id: flagId, streamId: duplicateFlagStreamId(flagId), decider: this.deciders.duplicateFlag },
      { type: 'ResolveDuplicateFlag', data },
      context,
    );
  }
}
