import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { derivedId } from '../../commands/idempotency';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { MakePledgeDto } from '../dto/make-pledge.dto';
import { assertNeedOfPairing } from './need-of-pairing';

export class MakePledge {
  constructor(readonly pairingId: string, readonly body: MakePledgeDto, readonly context: CommandContext) {}
}

@CommandHandler(MakePledge)
export class MakePledgeHandler implements ICommandHandler<MakePledge, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  async execute({ pairingId, body, context }: MakePledge): Promise<CommandResult> {
    await assertNeedOfPairing(this.executor, this.deciders, body.needId, pairingId);
    const { id, ...pledge } = plain(body);
    const pledgeId = id ?? derivedId(context, 'pledge');
    return this.executor.on(this.deciders.pairingStream(pairingId), { type: 'MakePledge', data: { pledgeId, ...pledge } }, context, pledgeId);
  }
}
