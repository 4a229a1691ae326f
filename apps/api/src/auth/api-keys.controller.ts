import { BadRequestException, Body, Controller, HttpCode, Inject, NotFoundException, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Command, CommandContext } from '../commands/command-context';
import { eventMetadataOf } from '../commands/event-metadata';
import { Roles } from './access.decorators';
import { API_KEY_REGISTRY } from './api-key.guard';
import { ApiKeyRegistry, CONFIGURED_ADMIN_KEY_ID } from './api-key-registry';
import { IdParamPipe } from '../commands/id-param.pipe';
import { IssueApiKeyDto } from './issue-api-key.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(@Inject(API_KEY_REGISTRY) private readonly registry: ApiKeyRegistry) {}

  /** The key is in this answer only; c2g keeps its hash. */
  @ApiOperation({
    summary: 'Issue an API key (role: admin)',
    description:
      'ApiKeyIssued in the access stream (the secret\'s SHA-256 only). The key works on this node from the answer on, ' +
      'and on every other node once its read models reach `position` (the projection lag, see README).',
  })
  @ApiResponse({ status: 201, description: '{ key, keyId, role, label, position }: the key is shown here once' })
  @ApiResponse({ status: 400, description: 'validation-failed: details name every bad field; idempotency-key-unsupported: this route takes no Idempotency-Key' })
  @ApiResponse({ status: 401, description: 'api-key-missing or api-key-invalid' })
  @ApiResponse({ status: 403, description: 'role-forbidden: the key is not an admin key' })
  @Post()
  @HttpCode(201)
  @Roles('admin')
  async issue(@Body() body: IssueApiKeyDto, @Command() context: CommandContext) {
    // A retry cannot get the first answer (only the secret's hash is kept): refuse the header
    // rather than silently issue a second key to a client that believes it retried.
    if (context.idempotent) {
      throw new BadRequestException({
        code: 'idempotency-key-unsupported',
        message: 'POST /admin/api-keys takes no Idempotency-Key: a key\'s secret is shown once and cannot be answered again; if an answer was lost, revoke the key by its keyId (GET /audit/events?type=ApiKeyIssued) and issue another',
      });
    }
    const { key, principal, position } = await this.registry.issue(body.role, body.label, eventMetadataOf(context));
    return { key, keyId: principal.keyId, role: principal.role, label: principal.label, position: position.toString() };
  }

  @ApiOperation({
    summary: 'Revoke an API key (role: admin)',
    description:
      'ApiKeyRevoked in the access stream. This node refuses the key from the answer on; every other node once its ' +
      'read models reach `position`. Revoking a revoked key again changes nothing.',
  })
  @ApiParam({ name: 'keyId', description: 'the 16 characters after `c2g_` in the key' })
  @ApiResponse({ status: 200, description: '{ keyId, revoked: true, position }' })
  @ApiResponse({ status: 400, description: 'validation-failed: the key id is not a slug of a-z, 0-9 and -' })
  @ApiResponse({ status: 401, description: 'api-key-missing or api-key-invalid' })
  @ApiResponse({ status: 403, description: 'role-forbidden: the key is not an admin key' })
  @ApiResponse({ status: 404, description: 'api-key-not-found: this node knows no such key (yet)' })
  @ApiResponse({ status: 422, description: 'configured-admin-key: C2G_ADMIN_KEY is configuration; change it on the nodes instead' })
  @Post(':keyId/revocation')
  @HttpCode(200)
  @Roles('admin')
  async revoke(@Param('keyId', IdParamPipe) keyId: string, @Command() context: CommandContext) {
    if (keyId === CONFIGURED_ADMIN_KEY_ID) {
      throw new UnprocessableEntityException({ code: 'configured-admin-key', message: 'the C2G_ADMIN_KEY key cannot be revoked here; change C2G_ADMIN_KEY on every node' });
    }
    const revoked = await this.registry.revoke(keyId, eventMetadataOf(context));
    if (!revoked) throw new NotFoundException({ code: 'api-key-not-found', message: `no API key ${keyId}` });
    return { keyId, revoked: true, position: revoked.position.toString() };
  }
}
