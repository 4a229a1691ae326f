import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { pairingStreamId, ProgramRuleError } from '@c2g/domain';
import { CommandContext } from '../../commands/command-context';
import { derivedId } from '../../commands/idempotency';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { RecordNeedDto } from '../dto/record-need.dto';

export class RecordNeed {
  constructor(readonly body: RecordNeedDto, readonly context: CommandContext) {}
}

/** A need belongs to a pairing's Israeli community; the pairing must exist and be running. */
@CommandHandler(RecordNeed)
export class RecordNeedHandler implements ICommandHandler<RecordNeed, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  async execute({ body, context }: RecordNeed): Promise<CommandResult> {
    const { state } = await this.executor.load(pairingStreamId(body.pairingId), this.deciders.pairing);
    if (!state.created) throw new ProgramRuleError('pairing-not-found', `no pairing ${body.pairingId}`);
    if (state.phase === 'concluded') throw new ProgramRuleError('pairing-concluded', `pairing ${body.pairingId} is concluded`);
    const { id, ...need } = plain(body);
    const needId = id ?? derivedId(context, 'need');
    const data = { needId, ...need, communityId: state.created.israeliCommunityId };
    return this.executor.on(this.deciders.needStream(needId), { type: 'RecordNeed', data }, context);
  }
}
