import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { ApproveRoadMapDto } from '../dto/approve-road-map.dto';

export class ApproveRoadMap {
  constructor(readonly pairingId: string, readonly body: ApproveRoadMapDto, readonly context: CommandContext) {}
}

@CommandHandler(ApproveRoadMap)
export class ApproveRoadMapHandler implements ICommandHandler<ApproveRoadMap, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ pairingId, body, context }: ApproveRoadMap): Promise<CommandResult> {
    return this.executor.on(this.deciders.pairingStream(pairingId), { type: 'ApproveRoadMap', data: plain(body) }, context);
  }
}
