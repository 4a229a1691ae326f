import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { duplicateFlagStreamId, ProgramRuleError } from '@c2g/domain';
import { explainDuplicatePair, ReadSide } from '@c2g/projections';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { PROJECTION_RUNNER } from '../../read-models/projection-runner.token';
import { ReportDuplicateDto } from '../dto/duplicate-pair.dto';
import { judgedPair } from './judged-pair';

export class ReportDuplicate {
  constructor(readonly body: ReportDuplicateDto, readonly context: CommandContext) {}
}

/**
 * A reviewer says a pair the detector did not flag is one effort: it is resolved `duplicate`
 * under the flag id the detector would have given it, and the decision teaches the detector.
 */
@CommandHandler(ReportDuplicate)
export class ReportDuplicateHandler implements ICommandHandler<ReportDuplicate, CommandResult> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly deciders: Deciders,
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadSide,
  ) {}

  execute({ body, context }: ReportDuplicate): Promise<CommandResult> {
    const explained = explainDuplicatePair(this.runner.database('duplicate-flags'), body.kind, body.needId, body.otherId);
    if (!explained) {
      throw new NotFoundException({ code: 'duplicate-pair-not-found', message: `no open ${body.kind} pair ${body.needId} / ${body.otherId} is known to the detector` });
    }
    if (!explained.candidate) {
      throw new ProgramRuleError('not-a-candidate-pair', `${body.needId} and ${body.otherId} cannot be one effort: ${explained.reasons.join('; ')}`, {
        reasons: explained.reasons,
      });
    }
    const data = { flagId: explained.flagId, decision: 'duplicate' as const, note: body.note, reviewer: context.principal.label, pair: judgedPair(explained) };
    return this.executor.on(
      { id: explained.flagId, streamId: duplicateFlagStreamId(explained.flagId), decider: this.deciders.duplicateFlag },
      { type: 'ResolveDuplicateFlag', data },
      context,
    );
  }
}
