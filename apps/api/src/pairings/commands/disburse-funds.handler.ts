import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { derivedId } from '../../commands/idempotency';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { DisburseFundsDto } from '../dto/disburse-funds.dto';
import { assertNeedOfPairing } from './need-of-pairing';

export class DisburseFunds {
  constructor(readonly pairingId: string, readonly body: DisburseFundsDto, readonly context: CommandContext) {}
}

@CommandHandler(DisburseFunds)
export class DisburseFundsHandler implements ICommandHandler<DisburseFunds, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  async execute({ pairingId, body, context }: DisburseFunds): Promise<CommandResult> {
    await assertNeedOfPairing(this.executor, this.deciders, body.needId, pairingId);
    const { id, ...disbursement } = plain(body);
    const disbursementId = id ?? derivedId(context, 'disbursement');
    return this.executor.on(this.deciders.pairingStream(pairingId), { type: 'DisburseFunds', data: { disbursementId, ...disbursement } },
      context,
      disbursementId,
    );
  }
}
