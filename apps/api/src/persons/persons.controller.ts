import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { findPerson, ReadSide } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { Command, CommandContext } from '../commands/command-context';
import { eventMetadataOf } from '../commands/event-metadata';
import { IdParamPipe } from '../commands/id-param.pipe';
import { ReadQueryDto } from '../queries/list-query.dto';
import { ReadModelGate } from '../queries/read-model-gate';
import { PROJECTION_RUNNER } from '../read-models/projection-runner.token';
import { PERSON_STORE } from './person-store.token';
import { ERASED, PersonVault } from './person-vault';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('persons')
export class PersonsController {
  constructor(
    @Inject(PERSON_STORE) private readonly persons: PersonVault,
    @Inject(PROJECTION_RUNNER) private readonly readSide: ReadSide,
    private readonly gate: ReadModelGate,
  ) {}

  @ApiOperation({
    summary: "A team member's details (role: admin)",
    description:
      'Decrypted with the person\'s key from the key store; `"[erased]"` once the person was erased (on every node at once). ' +
      'A person assigned through another node is found once this node\'s read models reach that position (?minPosition=).',
  })
  @ApiResponse({ status: 200, description: '{ personId, details: { name, email?, phone? } | "[erased]", position }' })
  @ApiResponse({ status: 400, description: 'validation-failed: the id is not a UUID or slug, or minPosition is not a position' })
  @ApiResponse({ status: 401, description: 'api-key-missing or api-key-invalid' })
  @ApiResponse({ status: 403, description: 'role-forbidden: only admin keys read personal data' })
  @ApiResponse({ status: 404, description: 'person-not-found' })
  @ApiResponse({ status: 503, description: 'read-model-lagging: minPosition not reached in time' })
  @Get(':id')
  async find(@Param('id', IdParamPipe) id: string, @Query() { minPosition }: ReadQueryDto) {
    await this.gate.await(['persons'], minPosition === undefined ? undefined : BigInt(minPosition));
    const record = findPerson(this.readSide.database('persons'), id);
    if (!record) throw new NotFoundException({ code: 'person-not-found', message: `no person ${id}` });
    const details = record.erased || !record.sealedDetails ? ERASED : await this.persons.reveal(id, record.sealedDetails);
    return { personId: id, details, position: this.gate.position(['persons']) };
  }

  /** Destroys the person's key: their details become unreadable everywhere; events keep the ciphertext, so every chain still verifies. */
  @ApiOperation({
    summary: "Erase a team member's personal data (role: admin)",
    description:
      "Destroys the person's data key (crypto-shredding) and records PersonErased. Every node shows \"[erased]\" from the answer on; " +
      'the events keep their ciphertext, so every hash chain still verifies. Erasing again changes nothing.',
  })
  @ApiResponse({ status: 200, description: '{ personId, erased: true, position }' })
  @ApiResponse({ status: 400, description: 'validation-failed: the id is not a UUID or slug' })
  @ApiResponse({ status: 401, description: 'api-key-missing or api-key-invalid' })
  @ApiResponse({ status: 403, description: 'role-forbidden: the key is not an admin key' })
  @ApiResponse({ status: 404, description: 'person-not-found' })
  @Post(':id/erasure')
  @HttpCode(200)
  async erase(@Param('id', IdParamPipe) id: string, @Command() context: CommandContext) {
    const erased = await this.persons.erase(id, eventMetadataOf(context));
    if (!erased) throw new NotFoundException({ code: 'person-not-found', message: `no person ${id}` });
    return { personId: id, erased: true, position: erased.position.toString() };
  }
}
