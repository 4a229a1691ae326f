import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { ResidentsReturnedDto } from '../dto/residents-returned.dto';

export class RecordResidentsReturned {
  constructor(readonly communityId: string, readonly body: ResidentsReturnedDto, readonly context: CommandContext) {}
}

@CommandHandler(RecordResidentsReturned)
export class RecordResidentsReturnedHandler implements ICommandHandler<RecordResidentsReturned, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ communityId, body, context }: RecordResidentsReturned): Promise<CommandResult> {
    const data = { communityId, ...body };
    return this.executor.on(this.deciders.communityStream(communityId), { type: 'RecordResidentsReturned', data }, context);
  }
}
