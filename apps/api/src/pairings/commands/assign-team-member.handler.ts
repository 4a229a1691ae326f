import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { derivedId } from '../../commands/idempotency';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { PERSON_STORE } from '../../persons/person-store.token';
import { PersonVault } from '../../persons/person-vault';
import { AssignTeamMemberDto } from '../dto/assign-team-member.dto';

export class AssignTeamMember {
  constructor(readonly pairingId: string, readonly body: AssignTeamMemberDto, readonly context: CommandContext) {}
}

/**
 * The person's details go into the event sealed under their own key (made now, in the key
 * store): the event and its chain are whole, and erasing the person destroys only the key.
 * A refused command leaves at most a key that seals nothing.
 */
@CommandHandler(AssignTeamMember)
export class AssignTeamMemberHandler implements ICommandHandler<AssignTeamMember, CommandResult> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly deciders: Deciders,
    @Inject(PERSON_STORE) private readonly persons: PersonVault,
  ) {}

  async execute({ pairingId, body, context }: AssignTeamMember): Promise<CommandResult> {
    const memberId = body.id ?? derivedId(context, 'team-member');
    const personId = derivedId(context, 'person');
    const personDetails = await this.persons.seal(personId, { name: body.person.name, email: body.person.email, phone: body.person.phone });
    // No key: a retry (same Idempotency-Key) of a request whose person was erased since. It gets
    // the first answer; the details are never sealed again.
    return this.executor.on(
      this.deciders.pairingStream(pairingId),
      { type: 'AssignTeamMember', data: { memberId, side: body.side, role: body.role, personId, ...(personDetails ? { personDetails } : {}) } },
      context,
      memberId,
    );
  }
}
