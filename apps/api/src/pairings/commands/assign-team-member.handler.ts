import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { derivedId } from '../../commands/idempotency';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { PERSON_STORE } from '../../persons/person-store.token';
import { PersonStore } from '../../persons/person-store';
import { AssignTeamMemberDto } from '../dto/assign-team-member.dto';

export class AssignTeamMember {
  constructor(readonly pairingId: string, readonly body: AssignTeamMemberDto, readonly context: CommandContext) {}
}

/** The person's name and contacts go to the person store; the event carries only the person id. */
@CommandHandler(AssignTeamMember)
export class AssignTeamMemberHandler implements ICommandHandler<AssignTeamMember, CommandResult> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly deciders: Deciders,
    @Inject(PERSON_STORE) private readonly persons: PersonStore,
  ) {}

  async execute({ pairingId, body, context }: AssignTeamMember): Promise<CommandResult> {
    const memberId = body.id ?? derivedId(context, 'team-member');
    const personId = derivedId(context, 'person');
    const known = this.persons.find(personId) !== undefined;
    this.persons.record(personId, { name: body.person.name, email: body.person.email, phone: body.person.phone }, context.now);
    try {
      return await this.executor.on(this.deciders.pairingStream(pairingId), { type: 'AssignTeamMember', data: { memberId, side: body.side, role: body.role, personId } },
        context,
        memberId,
      );
    } catch (error) {
      // Refused: keep no personal data that no event refers to.
      if (!known) this.persons.remove(personId);
      throw error;
    }
  }
}
